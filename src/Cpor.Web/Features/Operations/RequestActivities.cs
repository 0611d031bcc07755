using System.Diagnostics;

namespace Cpor.Web.Features.Operations;

/// <summary>
/// Makes ASP.NET Core start an <see cref="Activity"/> for every request, recorded or not, so that
/// each log line's scope carries a trace id even when no collector listens. ASP.NET Core would
/// do so on its own only while its hosting logger is on, and that logger's request scope writes
/// the raw path — consent tokens included — into every line; appsettings.json turns it off.
/// </summary>
internal sealed class RequestActivities : IHostedService, IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
    };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();
}
