using Dispatch.Core.Orders;
using Dispatch.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Functions.Orders;

/// <summary>What one repair pass did: open orders looked at, and those whose orchestration was restarted.</summary>
public sealed record RepairReport(int Checked, IReadOnlyList<string> Restarted);

/// <summary>Keeps every open order driven by a live orchestration, and old histories purged.
/// <para>Repair: an open order (the organizers' list) whose orchestration is missing (the place function
/// stored it but never started it), failed, terminated or completed is restarted from its stored state,
/// with the timers that state needs (<see cref="PendingTimers"/>) and the effects that may not have run
/// (<see cref="ResumeEffects"/>); events stored as pending are decided first thing. Running and suspended orchestrations are left alone (a suspension is
/// someone's deliberate act). Idempotent: a second pass finds them running.</para>
/// <para>Purge: orchestrations that completed or were terminated more than
/// <see cref="OrderUpkeepOptions.HistoryRetentionDays"/> ago lose their Durable history; the order, its own
/// history rows and its service record stay in the app's tables.</para></summary>
public sealed class OrderUpkeep(
    OrgDirectory org,
    OrderIndex index,
    OrderStore orders,
    OrderDecider decider,
    TimeProvider clock,
    IOptions<OrderUpkeepOptions> options,
    ILogger<OrderUpkeep> logger)
{
    public async Task<RepairReport> RepairAsync(DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = clock.GetUtcNow();
        var o = options.Value;
        var restarted = new List<string>();
        var looked = 0;
        foreach (var community in await org.ListCommunitiesAsync(ct))
        {
            foreach (var open in await index.ListOpenAsync(community.CommunityId, cancellationToken: ct))
            {
                looked++;
                var meta = await client.GetInstanceAsync(open.OrderId, getInputsAndOutputs: false, ct);
                if (meta?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended)
                {
                    continue;
                }

                var stored = await orders.GetAsync(open.OrderId, ct);
                if (stored is null || stored.State.IsTerminal || (meta is null && now - stored.State.PlacedAt < o.RepairGrace))
                {
                    continue; // Gone, finished (the list row is behind), or the place function is still starting it.
                }

                if (meta is not null)
                {
                    await client.PurgeInstanceAsync(open.OrderId, ct); // Frees the instance id for the restart.
                }

                var state = stored.State;
                var run = new OrderRun(state.OrderId, state.Request, state.PlacedAt, decider.Policy, state,
                    [.. PendingTimers.For(state, decider.Policy, now)], EventsPerGeneration: o.EventsPerGeneration,
                    Resume: [.. ResumeEffects.For(state)], Retry: o.Retry);
                await client.ScheduleNewOrchestrationInstanceAsync(
                    OrderOrchestration.Name, run, new StartOrchestrationOptions(InstanceId: state.OrderId), ct);
                logger.LogWarning("Order {OrderId} ({Status}, version {Version}) had no live orchestration ({Runtime}); restarted from storage",
                    state.OrderId, state.Status, state.Version, meta?.RuntimeStatus.ToString() ?? "missing");
                restarted.Add(state.OrderId);
            }
        }

        return new RepairReport(looked, restarted);
    }

    /// <summary>Purges the Durable history of orders finished more than the retention period ago, one
    /// instance at a time from a paged query (bounded work per page; a purge that fails is retried by the
    /// next run).</summary>
    public async Task<int> PurgeAsync(DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var before = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.HistoryRetentionDays);
        var query = new OrchestrationQuery(
            CreatedTo: before,
            Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Terminated],
            FetchInputsAndOutputs: false);
        var purged = 0;
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(ct))
        {
            // The query filters on creation time; the last update tells when the order actually finished.
            if (instance.LastUpdatedAt <= before)
            {
                purged += (await client.PurgeInstanceAsync(instance.InstanceId, ct)).PurgedInstanceCount;
            }
        }

        logger.LogInformation("Purged the orchestration history of {Count} orders finished before {Before:u}", purged, before);
        return purged;
    }
}
