using Dispatch.App.Channels;
using Dispatch.Storage;

namespace Dispatch.Local.Reminders;

/// <summary>The local host's turn of <see cref="ReminderSweep"/>, once per background pass.</summary>
public sealed class ReminderJob(ReminderSweep sweep, ChannelDelivery channels, TimeProvider clock, ILogger<ReminderJob> logger)
{
    public async Task RunOnceAsync(CancellationToken ct)
    {
        var report = await sweep.RunAsync(clock.GetUtcNow(), ct);
        ReminderLog.Write(logger, report);
        await channels.SweptAsync(report, ct); // what reached the inbox goes out on the chosen channels too
    }
}
