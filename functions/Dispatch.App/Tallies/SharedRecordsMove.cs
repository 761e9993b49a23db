using Dispatch.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.App.Tallies;

/// <summary>Starts moving the service records of the table every community once shared
/// (<see cref="ServiceRecordStore.MoveSharedTableAsync"/>) as the host starts, not on the first request that needs a
/// record, and says what it moved. The host serves meanwhile: only record reads and writes wait for the move. On both
/// hosts.</summary>
public sealed class SharedRecordsMove(ServiceRecordStore records, ILogger<SharedRecordsMove> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not awaited: a large shared table takes minutes to move, and orders must not wait for it.
        _ = MoveAsync();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MoveAsync()
    {
        try
        {
            var rows = await records.MoveSharedTableAsync(CancellationToken.None).ConfigureAwait(false);
            if (rows > 0)
            {
                logger.LogInformation("Moved {Rows} service-record rows from the shared records table to their communities' tables", rows);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Moving the shared records table failed; the next record read or write tries again");
        }
    }
}
