using Dispatch.Storage;

namespace Dispatch.Local.Tallies;

/// <summary>The local host's side of the annual freeze: the background loop calls it each pass with the
/// host's clock; the job itself does nothing until the next 1 January (China time).</summary>
public sealed class AnnualFreeze(AnnualFreezeJob job, TimeProvider clock, ILogger<AnnualFreeze> logger)
{
    public async Task RunOnceAsync(CancellationToken ct)
    {
        foreach (var snapshot in await job.RunOnceAsync(clock.GetUtcNow(), ct))
        {
            logger.LogInformation("Assessment year {Year} of community {CommunityId} frozen as {SnapshotId} ({Members} members)",
                snapshot.Year, snapshot.CommunityId, snapshot.SnapshotId, snapshot.Tallies.Count);
        }
    }
}
