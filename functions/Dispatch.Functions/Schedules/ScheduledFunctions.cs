using System.Globalization;
using Dispatch.Core.Time;
using Dispatch.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Schedules;

/// <summary>The two schedules (UTC CRON from app settings). Their policies come with a later issue:
/// today the reminder sweep and the annual tally do no work beyond recording that their slot ran.
/// Offer and confirmation reminders are NOT waiting for the sweep — each order's orchestration already
/// keeps durable timers for them — and the tally rows are kept up to date as each record is added
/// (ServiceRecordStore), so nothing is lost by the sweep and the tally being empty.
///
/// Both guard against a double fire (two instances, a restart) and a late fire (IsPastDue after downtime):
/// the first invocation for a schedule slot reserves a run key in the idempotency table; any other
/// invocation for the same slot finds the key taken and does nothing.</summary>
public sealed class ScheduledFunctions(IdempotencyStore runs, TimeProvider clock, ILogger<ScheduledFunctions> logger)
{
    public const string ReminderSweepName = "ReminderSweep";
    public const string AnnualTallyName = "AnnualTally";

    [Function(ReminderSweepName)]
    public async Task ReminderSweepAsync([TimerTrigger("%ReminderSweepSchedule%")] TimerInfo timer, FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);
        var key = SweepKey(timer.ScheduleStatus?.Next, clock.GetUtcNow());
        if (!await ClaimAsync(ReminderSweepName, key, timer.IsPastDue, context.InvocationId, ct))
        {
            return;
        }

        // Policy to come (issue: reminder sweep): nothing to sweep yet; the orchestrations' timers remind.
        logger.LogInformation("{Schedule} ran for slot {Key}; no sweep policy yet", ReminderSweepName, key);
    }

    [Function(AnnualTallyName)]
    public async Task AnnualTallyAsync([TimerTrigger("%AnnualTallySchedule%")] TimerInfo timer, FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);
        var key = TallyKey(clock.GetUtcNow());
        if (!await ClaimAsync(AnnualTallyName, key, timer.IsPastDue, context.InvocationId, ct))
        {
            return;
        }

        // Policy to come (issue: annual tally/assessment): recomputes nothing yet; the run is recorded.
        logger.LogInformation("{Schedule} ran for {Key}; tallies are kept per record, nothing recomputed yet", AnnualTallyName, key);
    }

    /// <summary>The sweep's slot: the next occurrence after this fire identifies it (every fire of one
    /// slot — a duplicate on another instance, or the same one retried — sees the same next occurrence);
    /// without a schedule status, the minute of the fire.</summary>
    public static string SweepKey(DateTime? next, DateTimeOffset now) =>
        next is { } n
            ? $"{ReminderSweepName}|{DateTime.SpecifyKind(n, DateTimeKind.Utc):yyyyMMddHHmm}"
            : $"{ReminderSweepName}|now-{now.UtcDateTime:yyyyMMddHHmm}";

    /// <summary>The tally's slot is the China calendar year it closes: the schedule fires at 00:05 CST on
    /// 1 January, so the year that just ended is the one before the China year of "now" — also for a fire
    /// that comes late.</summary>
    public static string TallyKey(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{AnnualTallyName}|{ChinaTime.YearOf(now) - 1:D4}");

    /// <summary>True for the first invocation of the slot; false (logged) for any other.</summary>
    public async Task<bool> ClaimAsync(string schedule, string key, bool isPastDue, string invocationId, CancellationToken ct)
    {
        if (isPastDue)
        {
            logger.LogWarning("{Schedule} is running late (past due) for slot {Key}", schedule, key);
        }

        var runId = "run-" + new string(invocationId.Where(char.IsLetterOrDigit).Take(60).ToArray());
        var winner = await runs.ReserveAsync("schedule|" + key, runId, ct);
        if (winner != runId)
        {
            logger.LogInformation("{Schedule} slot {Key} already ran ({RunId}); skipping", schedule, key, winner);
            return false;
        }

        return true;
    }
}
