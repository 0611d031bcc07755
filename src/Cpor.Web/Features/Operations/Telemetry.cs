using System.Diagnostics.Metrics;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cpor.Web.Features.Operations;

/// <summary>
/// OpenTelemetry: metrics always (served in Prometheus format at <c>/metrics</c> to operators),
/// traces of requests, SQL and outgoing HTTP plus an OTLP export only when a collector is
/// configured. Also the JSON console format's defaults and the per-request log line.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddCporTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        builder.Services.AddSingleton<CporMetrics>();
        builder.Services.AddSingleton<IAuthorizationHandler, OperatorAccessHandler>();
        builder.Services.AddHostedService<RequestActivities>();

        // Logging:Console:FormatterName=json picks the JSON format; scopes carry the trace and span ids.
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            configuration.GetSection("Logging:Console:FormatterOptions").Bind(o);
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "cpor"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter(CporMetrics.MeterName)
                .AddInstrumentation(sp => sp.GetRequiredService<CporMetrics>())
                .AddPrometheusExporter());
        otel.WithMetrics(m => ((IDeferredMeterProviderBuilder)m)
            .Configure((sp, b) => b.AddView(OnlyThisHost(sp.GetRequiredService<IMeterFactory>()))));

        var standardEndpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint) && string.IsNullOrWhiteSpace(standardEndpoint))
        {
            return builder; // No collector: spans would be recorded only to be dropped.
        }

        otel.WithTracing(t => t
            .AddAspNetCoreInstrumentation(o =>
            {
                o.Filter = http => !IsProbe(http.Request.Path);
                o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", RequestLog.Redact(request.Path.Value ?? "/"));
            })
            .AddHttpClientInstrumentation()
            .AddNpgsql());
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            var protocol = options.OtlpProtocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase)
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            otel.UseOtlpExporter(protocol, new Uri(options.OtlpEndpoint));
        }
        else
        {
            otel.UseOtlpExporter(); // OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS as the standard says.
        }

        return builder;
    }

    /// <summary>The per-request log line, first in the pipeline so that it sees the final status.</summary>
    public static WebApplication UseRequestLog(this WebApplication app)
    {
        if (app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.RequestLog ?? true)
        {
            app.UseMiddleware<RequestLog>();
        }

        return app;
    }

    /// <summary><c>/metrics</c> in Prometheus text format, for operators only (<see cref="Policies.Operator"/>).</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.Operator);
        return routes;
    }

    /// <summary>
    /// A meter provider listens to meters by name in the whole process. When several hosts share
    /// one (the tests' servers), their same-named instruments would merge into one stream, and the
    /// first host to stop would take it away from the others: keep the instruments of this host's
    /// meter factory, and those of meters made without a factory (Npgsql's, for one).
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory factory) =>
        instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, factory) ? null : MetricStreamConfiguration.Drop;

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments(MetricsPath);
}
