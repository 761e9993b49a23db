using Dispatch.Storage;

namespace Dispatch.Local.Reminders;

/// <summary>The local host's turn of <see cref="ReminderSweep"/>, once per background pass.</summary>
public sealed class ReminderJob(ReminderSweep sweep, TimeProvider clock, ILogger<ReminderJob> logger)
{
    public async Task RunOnceAsync(CancellationToken ct)
    {
        var report = await sweep.RunAsync(clock.GetUtcNow(), ct);
        foreach (var outcome in report.Released.Concat(report.Nudges))
        {
            ReminderLog.Write(logger, outcome);
        }

        foreach (var digest in report.Digests)
        {
            logger.LogInformation("Escalation digest {Key} to the organizers of {CommunityId}: {Count} orders",
                digest.Key, digest.CommunityId, digest.OrderIds.Length);
        }
    }
}
