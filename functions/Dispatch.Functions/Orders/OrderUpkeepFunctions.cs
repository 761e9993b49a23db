using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dispatch.Functions.Orders;

/// <summary>The schedules of <see cref="OrderUpkeep"/> (UTC CRON from app settings): the repair pass every
/// 15 minutes ("0 */15 * * * *"), the purge once a day ("0 30 19 * * *", 03:30 China time). Both are
/// idempotent, so a double fire only costs a few reads.</summary>
public sealed class OrderUpkeepFunctions(OrderUpkeep upkeep)
{
    public const string RepairName = "OrderRepair";
    public const string PurgeName = "OrderHistoryPurge";

    [Function(RepairName)]
    public Task RepairAsync([TimerTrigger("%OrderRepairSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        upkeep.RepairAsync(client, ct);

    [Function(PurgeName)]
    public Task PurgeAsync([TimerTrigger("%OrderPurgeSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        upkeep.PurgeAsync(client, ct);
}
