namespace Cpor.Web.Features.Operations;

/// <summary>Settings of section <c>Cpor:Telemetry</c>: where traces and metrics go besides <c>/metrics</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Cpor:Telemetry";

    /// <summary>
    /// An OTLP collector (e.g. <c>http://collector:4317</c>) for traces, metrics and logs. The standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> does the same; with neither, nothing is exported over OTLP.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>, for <see cref="OtlpEndpoint"/>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>One log line per request (method, path, status, duration, trace id).</summary>
    public bool RequestLog { get; set; } = true;
}
