using System.Globalization;
using Dispatch.App.Channels;
using Dispatch.App.Notices;
using Dispatch.Core.Assessment;
using Dispatch.Core.Time;
using Dispatch.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Schedules;

/// <summary>The two schedules (UTC CRON from app settings) run the same host-neutral jobs as the local
/// host's background loop:
/// <list type="bullet">
/// <item><c>ReminderSweep</c> (every 5 minutes, "0 */5 * * * *") runs <see cref="ReminderSweep.RunAsync"/>:
/// it releases reminders held back by quiet hours (so one deferred to 08:00 China time goes out in the fire
/// at 00:00 UTC), and once per community per China day from 08:00 sends the quota nudges and the organizers'
/// escalation digest. Offer and confirmation reminders themselves come from each order's orchestration
/// (durable timers) through the shared notifier's reminder gate (quiet hours, daily cap, once per key).</item>
/// <item>The same sweep then retries the channel deliveries that are due (<see cref="ChannelDelivery.RetryDueAsync"/>).</item>
/// <item><c>AnnualTally</c> (00:05 China time on 1 January, "0 5 16 31 12 *") runs
/// <see cref="AnnualFreezeJob.RunOnceAsync"/>: it freezes the year that just ended for every community that
/// has not frozen it.</item>
/// </list>
/// Both guard against a double fire (two instances, a restart) and a late fire (IsPastDue after downtime).
/// The sweep reserves a run key for its slot in the idempotency table before it works; any other invocation
/// for the same slot finds the key taken and does nothing (a sweep that fails is made up by the next slot's:
/// the sweep itself is idempotent). The tally marks its year as run once the freeze has completed, so a
/// failed freeze can be re-run (e.g. from the portal) while a completed one never runs twice; two fires
/// racing both reach the freeze, which stores one snapshot per community-year (Add only).</summary>
public sealed class ScheduledFunctions(
    IdempotencyStore runs,
    ReminderSweep sweep,
    ChannelDelivery channels,
    AnnualFreezeJob freeze,
    TimeProvider clock,
    ILogger<ScheduledFunctions> logger)
{
    public const string ReminderSweepName = "ReminderSweep";
    public const string AnnualTallyName = "AnnualTally";

    [Function(ReminderSweepName)]
    public async Task ReminderSweepAsync([TimerTrigger("%ReminderSweepSchedule%")] TimerInfo timer, FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SweepAsync(timer, context.InvocationId, ct);
    }

    [Function(AnnualTallyName)]
    public async Task AnnualTallyAsync([TimerTrigger("%AnnualTallySchedule%")] TimerInfo timer, FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        await TallyAsync(timer, context.InvocationId, ct);
    }

    /// <summary>The sweep trigger's body: null if this slot already ran, else what the sweep did (logged).</summary>
    public async Task<SweepReport?> SweepAsync(TimerInfo timer, string invocationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var now = clock.GetUtcNow();
        var key = SweepKey(timer.ScheduleStatus?.Next, now);
        if (!await ClaimAsync(ReminderSweepName, key, timer.IsPastDue, invocationId, ct))
        {
            return null;
        }

        var report = await sweep.RunAsync(now, ct);
        ReminderLog.Write(logger, report);
        await channels.SweptAsync(report, ct); // what reached the inbox goes out on the chosen channels too

        // Failed channel deliveries due again (1, 5, 30 minutes: at this schedule's pace), then dead letters.
        var retried = await channels.RetryDueAsync(ct);
        logger.LogInformation("{Schedule} slot {Key}: {Released} deferred reminders released, {Nudges} quota nudges, {Digests} digests, {Retried} deliveries retried",
            ReminderSweepName, key, report.Released.Count, report.Nudges.Count, report.Digests.Count, retried);
        return report;
    }

    /// <summary>The tally trigger's body: null if the year was already done, else the snapshots frozen now
    /// (empty when every community had frozen it already).</summary>
    public async Task<IReadOnlyList<AssessmentSnapshot>?> TallyAsync(TimerInfo timer, string invocationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var now = clock.GetUtcNow();
        var key = TallyKey(now);
        if (timer.IsPastDue)
        {
            logger.LogWarning("{Schedule} is running late (past due) for slot {Key}", AnnualTallyName, key);
        }

        if (await runs.FindAsync(RunKey(key), ct) is { } done)
        {
            logger.LogInformation("{Schedule} slot {Key} already ran ({RunId}); skipping", AnnualTallyName, key, done);
            return null;
        }

        var frozen = await freeze.RunOnceAsync(now, ct);
        foreach (var snapshot in frozen)
        {
            logger.LogInformation("Assessment year {Year} of community {CommunityId} frozen as {SnapshotId} ({Members} members)",
                snapshot.Year, snapshot.CommunityId, snapshot.SnapshotId, snapshot.Tallies.Count);
        }

        await runs.ReserveAsync(RunKey(key), RunId(invocationId), ct);
        logger.LogInformation("{Schedule} slot {Key}: {Count} communities frozen", AnnualTallyName, key, frozen.Count);
        return frozen;
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

        var runId = RunId(invocationId);
        var winner = await runs.ReserveAsync(RunKey(key), runId, ct);
        if (winner != runId)
        {
            logger.LogInformation("{Schedule} slot {Key} already ran ({RunId}); skipping", schedule, key, winner);
            return false;
        }

        return true;
    }

    private static string RunKey(string key) => "schedule|" + key;

    private static string RunId(string invocationId) =>
        "run-" + new string((invocationId ?? "").Where(char.IsLetterOrDigit).Take(60).ToArray());
}
