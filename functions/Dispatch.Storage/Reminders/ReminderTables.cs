using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>The reminder tables. They are created here, on first use, rather than in
/// <see cref="StorageAccount.EnsureCreatedAsync"/>, so reminders stay one self-contained feature.</summary>
public static class ReminderTables
{
    /// <summary>Per recipient: what was sent (dedupe) and the day's cap slots; and the sweep's day marks.</summary>
    public const string Ledger = "reminders";

    /// <summary>Reminders held back by quiet hours, by due time.</summary>
    public const string Deferrals = "reminderdeferrals";

    public static IReadOnlyList<string> All { get; } = [Ledger, Deferrals];

    /// <summary>A table client that creates its table once, before its first use.</summary>
    internal sealed class Lazy(StorageAccount account, string baseName)
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
}
