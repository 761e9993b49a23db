using Microsoft.Extensions.Logging;
using Dispatch.Core.Reminders;
using Dispatch.Storage;

namespace Dispatch.App.Notices;

/// <summary>One log line per reminder outcome, with ids only (a resident is named by the order).</summary>
public static class ReminderLog
{
    /// <summary>What a sweep did: each reminder outcome and each digest.</summary>
    public static void Write(ILogger logger, SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var outcome in report.Outcomes)
        {
            Write(logger, outcome);
        }

        foreach (var digest in report.Digests)
        {
            logger.LogInformation("Escalation digest {Key} to the organizers of {CommunityId}: {Count} orders",
                digest.Key, digest.CommunityId, digest.OrderIds.Length);
        }
    }

    public static void Write(ILogger logger, ReminderOutcome outcome)
    {
        var r = outcome.Reminder;
        switch (outcome.Decision)
        {
            case SendNow:
                logger.LogInformation("Reminder {Kind} to {To} {RecipientId} about {Subject}", r.Kind, r.To, r.RecipientId, r.Subject);
                break;
            case DeferUntil d:
                logger.LogInformation("Reminder {Kind} to {To} {RecipientId} about {Subject} deferred until {At:u}", r.Kind, r.To, r.RecipientId, r.Subject, d.At);
                break;
            case Drop d:
                logger.LogInformation("Reminder {Kind} to {To} {RecipientId} about {Subject} dropped: {Reason}", r.Kind, r.To, r.RecipientId, r.Subject, d.Reason);
                break;
        }
    }
}
