using System.Globalization;
using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>The <c>contactaccess</c> table: every time an organizer viewed a resident's contact. PK = order id, RK =
/// inverted ticks then the organizer id (newest first); columns OrganizerId, OrganizerName, At and Reason. Add only:
/// an audit trail is never changed. It holds no resident's data, so the retention job leaves it.</summary>
public sealed class ContactAccessLog(StorageAccount account)
{
    public const string TableName = "contactaccess";
    public const int MaxListed = 100;

    private readonly FeatureTable _table = new(account, TableName);

    public async Task AddAsync(string orderId, string organizerId, string organizerName, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}|{Keys.Id(organizerId, nameof(organizerId))}");
        await table.UpsertEntityAsync(new TableEntity(Keys.Id(orderId, nameof(orderId)), row)
        {
            ["OrganizerId"] = organizerId,
            ["OrganizerName"] = organizerName,
            ["Reason"] = reason,
            ["At"] = at,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The order's views, newest first (at most <see cref="MaxListed"/>).</summary>
    public async Task<IReadOnlyList<(string OrganizerId, string OrganizerName, DateTimeOffset At, string Reason)>> ListAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<(string, string, DateTimeOffset, string)>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == orderId, maxPerPage: MaxListed, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add((e.GetString("OrganizerId") ?? "", e.GetString("OrganizerName") ?? "", e.GetDateTimeOffset("At") ?? default, e.GetString("Reason") ?? ""));
            if (list.Count == MaxListed)
            {
                break;
            }
        }

        return list;
    }
}
