using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>A table client that creates its table once, before first use. The tables of posts,
/// assessments, reminders and proofs are created here rather than in
/// <see cref="StorageAccount.EnsureCreatedAsync"/>, so each feature stays self-contained.</summary>
internal sealed class FeatureTable(StorageAccount account, string baseName)
{
    private readonly Lock _gate = new();
    private readonly TableClient _table = account.Table(baseName);
    private Task? _created;

    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        Task created;
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = _table.CreateIfNotExistsAsync(cancellationToken);
            }

            created = _created;
        }

        await created.ConfigureAwait(false);
        return _table;
    }
}
