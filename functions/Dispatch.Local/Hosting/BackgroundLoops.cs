using Dispatch.Local.Orders;
using Dispatch.Local.Timers;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Hosting;

/// <summary>The local stand-in for Durable Functions' and Service Bus' dispatchers: one loop that fires
/// due timers, delivers queued offers, finishes left-over effects and heals stale projections.</summary>
public sealed class BackgroundLoops(IServiceProvider services, IOptions<DispatchOptions> options, ILogger<BackgroundLoops> logger)
    : BackgroundService
{
    /// <summary>One pass of every loop; tests call it under a controlled clock.</summary>
    public static async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<OutboxSweeper>().SweepOnceAsync(ct);
        await services.GetRequiredService<ProjectionRepair>().RepairOnceAsync(ct);
        await services.GetRequiredService<AssignmentDrain>().DrainOnceAsync(ct);
        await services.GetRequiredService<TimerPump>().PumpOnceAsync(ct);
        await services.GetRequiredService<Reminders.ReminderJob>().RunOnceAsync(ct);
        await services.GetRequiredService<Tallies.AnnualFreeze>().RunOnceAsync(ct);
        await services.GetRequiredService<App.Retention.PersonalDataErasure>().RunOnceAsync(ct);
        await services.GetRequiredService<AssignmentDrain>().DrainOnceAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunBackgroundLoops)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await RunOnceAsync(services, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Background pass failed; retrying next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
