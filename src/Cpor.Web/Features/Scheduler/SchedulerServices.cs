namespace Cpor.Web.Features.Scheduler;

/// <summary>The clock: automatic transitions (CPOR.md §5). No endpoints; a background service and the pass it runs.</summary>
public static class SchedulerServices
{
    public static IServiceCollection AddSchedulerFeature(this IServiceCollection services)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section);
        services.AddSingleton<ClaimScheduler>();
        services.AddSingleton<SchedulerStatus>();
        services.AddHostedService<SchedulerService>();
        return services;
    }
}
