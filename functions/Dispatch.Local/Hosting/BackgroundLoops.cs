using Dispatch.Local.Orders;
using Dispatch.Local.Timers;
using Dispatch.Storage;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Hosting;

/// <summary>The local stand-in for Durable Functions' and Service Bus' dispatchers. It sleeps until there is work:
/// a timer set by the request path (<see cref="WorkSignal"/>), the earliest stored timer, or the
/// next upkeep pass (<see cref="DispatchOptions.UpkeepInterval"/>), which also finishes left-over effects, heals
/// stale projections, sends reminders, retries failed channel deliveries that are due and runs the yearly and
/// retention jobs. An idle host makes a handful of storage requests per upkeep pass, whatever the number of
/// communities' orders. Queued offers are delivered by <see cref="OfferDeliveryLoop"/> as they come; the passes here
/// drain what a failed delivery left.</summary>
public sealed class BackgroundLoops(
    IServiceProvider services, WorkSignal signal, TimerStore timers, TimeProvider clock, IOptions<DispatchOptions> options, ILogger<BackgroundLoops> logger)
    : BackgroundService
{
    /// <summary>One pass of every loop; tests call it under a controlled clock.</summary>
    public static async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        // The sweeper would otherwise run again what the requests' follow-ups are running.
        await services.GetRequiredService<FollowUpTracker>().SettledAsync(ct);
        await services.GetRequiredService<OutboxSweeper>().SweepOnceAsync(ct);
        await services.GetRequiredService<ProjectionRepair>().RepairOnceAsync(ct);
        await services.GetRequiredService<AssignmentDrain>().DrainOnceAsync(ct);
        await services.GetRequiredService<TimerPump>().PumpOnceAsync(ct);
        await services.GetRequiredService<Reminders.ReminderJob>().RunOnceAsync(ct);
        await services.GetRequiredService<App.Channels.ChannelDelivery>().RetryDueAsync(ct);
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

        var upkeep = options.Value.UpkeepInterval;
        var nextUpkeep = DateTimeOffset.MinValue;
        DateTimeOffset? nextTimer = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                if (now >= nextUpkeep)
                {
                    await RunOnceAsync(services, stoppingToken);
                    nextUpkeep = clock.GetUtcNow() + upkeep;
                    nextTimer = await timers.NextDueAsync(stoppingToken);
                }
                else if (nextTimer <= now)
                {
                    // No queue read here: an offer queued by a timer's dispatch wakes the delivery loop itself, and what a
                    // failed delivery leaves is drained by the upkeep pass (a queue read on every timer set cost about
                    // four per cycle).
                    await services.GetRequiredService<TimerPump>().PumpOnceAsync(stoppingToken);
                    nextTimer = await timers.NextDueAsync(stoppingToken);
                    if (nextTimer <= now)
                    {
                        nextTimer = now + options.Value.PollInterval; // a timer left due: try again soon, not at once
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Background pass failed; retrying at the next upkeep pass");
                nextUpkeep = clock.GetUtcNow() + options.Value.PollInterval;
                nextTimer = null; // the upkeep pass reads it again
            }

            // Timers set since the last look (during the pass, or the wait that just ended): a wait woken for one looks
            // whether a timer is due (no storage request unless one is), then sleeps until it is.
            if (signal.TakeEarliestTimer() is { } set && (nextTimer is null || set < nextTimer))
            {
                nextTimer = set;
            }

            var wake = nextTimer is { } due && due < nextUpkeep ? due : nextUpkeep;
            await signal.WaitAsync(wake - clock.GetUtcNow(), clock, stoppingToken);
        }
    }
}
