using System.Globalization;
using Azure.Data.Tables;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;

namespace Dispatch.Storage;

/// <summary>A closed order (confirmed or cancelled) as the desk's history lists it (no personal data).</summary>
public sealed record ClosedOrder(
    string OrderId,
    string? Reference,
    OrderStatus Status,
    OrderKind Kind,
    ServiceCategory Category,
    string GridId,
    string BuildingId,
    string? MemberId,
    DateTimeOffset PlacedAt,
    decimal? Hours,
    int? Rating);

/// <summary>The <c>closedorders</c> table: PK <c>{community}|{yyyyMM}</c> (the China month the order was placed), RK the
/// inverted placing ticks then the order id, so a partition reads newest first. Written by the order projector (an
/// outbox effect on the local host, an activity on Azure) with the order's version, so a rerun changes nothing.</summary>
public sealed class ClosedOrderIndex(StorageAccount account)
{
    public const string TableName = "closedorders";

    private readonly FeatureTable _table = new(account, TableName);

    public static string Partition(string communityId, int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{communityId}|{year:D4}{month:D2}");

    /// <summary>Writes the order's row once it is terminal; nothing for an open order. Idempotent.</summary>
    public async Task ProjectAsync(OrderState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsTerminal)
        {
            return;
        }

        var placed = ChinaTime.ToChina(state.PlacedAt);
        var community = Keys.Id(state.Request.Location.CommunityId, "CommunityId");
        var row = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - state.PlacedAt.UtcTicks:D19}|{Keys.Id(state.OrderId, nameof(state.OrderId))}");
        var entity = new TableEntity(Partition(community, placed.Year, placed.Month), row)
        {
            ["OrderId"] = state.OrderId,
            ["Reference"] = state.Reference,
            ["Status"] = state.Status.ToString(),
            ["Kind"] = state.Request.Kind.ToString(),
            ["Category"] = state.Request.Category.ToString(),
            ["GridId"] = state.Request.Location.GridId,
            ["BuildingId"] = state.Request.Location.BuildingId,
            ["MemberId"] = state.MemberId,
            ["PlacedAt"] = state.PlacedAt,
            ["Hours"] = state.Hours is { } h ? (double)h.Value : null,
            ["Rating"] = state.Rating,
            [Projection.Version] = state.Version,
        };
        await Projection.UpsertIfNotOlderAsync(await _table.GetAsync(cancellationToken).ConfigureAwait(false), entity, account.Projections, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The community's closed orders placed in one China month, newest first.</summary>
    public async Task<IReadOnlyList<ClosedOrder>> MonthAsync(string communityId, int year, int month, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var partition = Partition(Keys.Id(communityId, nameof(communityId)), year, month);
        var list = new List<ClosedOrder>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ClosedOrder(
                e.GetString("OrderId") ?? e.RowKey[(e.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..],
                e.GetString("Reference"),
                Enum.Parse<OrderStatus>(e.GetString("Status")),
                Enum.Parse<OrderKind>(e.GetString("Kind")),
                Enum.Parse<ServiceCategory>(e.GetString("Category")),
                e.GetString("GridId") ?? "",
                e.GetString("BuildingId") ?? "",
                e.GetString("MemberId"),
                e.GetDateTimeOffset("PlacedAt") ?? default,
                e.GetDouble("Hours") is { } hours ? (decimal)hours : null,
                e.GetInt32("Rating")));
        }

        return list;
    }
}
