using Azure.Data.Tables;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>A non-terminal order as the organizer page and the matching load see it (no personal data).</summary>
public sealed record OpenOrder(
    string CommunityId,
    string OrderId,
    OrderStatus Status,
    OrderKind Kind,
    ServiceCategory Category,
    string GridId,
    string BuildingId,
    bool Urgent,
    string? MemberId,
    string? OfferedTo,
    DateTimeOffset? OfferDeadline,
    DateTimeOffset PlacedAt,
    EscalationReason? Escalation,
    bool AwaitingOrganizerConfirmation,
    int Version,
    string? Reference = null);

/// <summary>The <c>openorders</c> table: partition = community id, row = order id; only non-terminal orders. A host that
/// is the table's only writer passes an <see cref="OpenAssignmentMemory"/>, kept by its writes, to answer
/// <see cref="OpenAssignmentsAsync"/> from.</summary>
public sealed class OrderIndex(StorageAccount account, OpenAssignmentMemory? memory = null)
{
    private readonly TableClient _table = account.Table(TableNames.OpenOrders);

    /// <summary>Upserts the order's row, or deletes it when the order is terminal. Idempotent; an older
    /// state never overwrites a newer one.</summary>
    public async Task ProjectAsync(OrderState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var communityId = Keys.Id(state.Request.Location.CommunityId, "CommunityId");
        Keys.Id(state.OrderId, nameof(state.OrderId));
        if (state.IsTerminal)
        {
            await Projection.DeleteIfExistsAsync(_table, communityId, state.OrderId, cancellationToken, account.Projections).ConfigureAwait(false);
            memory?.Wrote(communityId, state.OrderId, state.Version, memberId: null, deleted: true);
            return;
        }

        var entity = new TableEntity(communityId, state.OrderId)
        {
            ["Status"] = state.Status.ToString(),
            ["Kind"] = state.Request.Kind.ToString(),
            ["Category"] = state.Request.Category.ToString(),
            ["GridId"] = state.Request.Location.GridId,
            ["BuildingId"] = state.Request.Location.BuildingId,
            ["Urgent"] = state.Request.Urgent,
            ["MemberId"] = state.MemberId,
            ["OfferedTo"] = state.Offer?.MemberId,
            ["OfferDeadline"] = state.Offer?.Deadline,
            ["PlacedAt"] = state.PlacedAt,
            ["Escalation"] = state.Escalation?.ToString(),
            ["AwaitingOrganizerConfirmation"] = state.AwaitingOrganizerConfirmation,
            ["Reference"] = state.Reference,
            [Projection.Version] = state.Version,
        };
        if (await Projection.UpsertIfNotOlderAsync(_table, entity, account.Projections, cancellationToken).ConfigureAwait(false))
        {
            memory?.Wrote(communityId, state.OrderId, state.Version, Holds(state.Status) ? state.MemberId : null, deleted: false);
        }
    }

    /// <summary>The statuses in which a member holds the order: the load the matching policy spreads.</summary>
    private static bool Holds(OrderStatus status) => status is OrderStatus.Accepted or OrderStatus.Done;

    /// <summary>A page of rows across every community (partition = community id), for the repair pass.</summary>
    public Task<ProjectionPage> PageAsync(string? continuation, int max, CancellationToken cancellationToken = default) =>
        Projection.PageAsync(_table, continuation, max, [], cancellationToken);

    /// <summary>The version of the order's row in the community's list, or null when it has none (for the repair pass).</summary>
    public Task<int?> VersionAsync(string communityId, string orderId, CancellationToken cancellationToken = default) =>
        Projection.VersionAsync(_table, Keys.Id(communityId, nameof(communityId)), Keys.Id(orderId, nameof(orderId)), cancellationToken);

    /// <summary>The community's open orders, oldest first; optionally only those in one status.</summary>
    public async Task<IReadOnlyList<OpenOrder>> ListOpenAsync(
        string communityId,
        OrderStatus? status = null,
        CancellationToken cancellationToken = default)
    {
        Keys.Id(communityId, nameof(communityId));
        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {communityId} and Status eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {communityId}");
        var list = new List<OpenOrder>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToOpenOrder(e));
        }

        return list.OrderBy(o => o.PlacedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal).ToList();
    }

    /// <summary>How many orders each member of the community holds (accepted, or done and awaiting
    /// confirmation): the load the matching policy spreads.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenAssignmentsAsync(
        string communityId,
        CancellationToken cancellationToken = default)
    {
        Keys.Id(communityId, nameof(communityId));
        if (memory is not null && memory.TryCounts(communityId, out var known))
        {
            return known;
        }

        var writes = memory?.WritesSoFar(communityId);
        var accepted = nameof(OrderStatus.Accepted);
        var done = nameof(OrderStatus.Done);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {communityId} and (Status eq {accepted} or Status eq {done})");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        List<(string, int, string?)>? rows = memory is null ? null : [];
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "MemberId", Projection.Version], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            var memberId = e.GetString("MemberId") is { Length: > 0 } m ? m : null;
            rows?.Add((e.RowKey, e.GetInt32(Projection.Version) ?? 0, memberId));
            if (memberId is not null)
            {
                counts[memberId] = counts.GetValueOrDefault(memberId) + 1;
            }
        }

        if (writes is { } before && rows is not null)
        {
            memory!.Read(communityId, before, rows);
        }

        return counts;
    }

    private static OpenOrder ToOpenOrder(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        Enum.Parse<OrderStatus>(e.GetString("Status")),
        Enum.Parse<OrderKind>(e.GetString("Kind")),
        Enum.Parse<ServiceCategory>(e.GetString("Category")),
        e.GetString("GridId") ?? "",
        e.GetString("BuildingId") ?? "",
        e.GetBoolean("Urgent") ?? false,
        e.GetString("MemberId"),
        e.GetString("OfferedTo"),
        e.GetDateTimeOffset("OfferDeadline"),
        e.GetDateTimeOffset("PlacedAt") ?? default,
        e.GetString("Escalation") is { } esc ? Enum.Parse<EscalationReason>(esc) : null,
        e.GetBoolean("AwaitingOrganizerConfirmation") ?? false,
        e.GetInt32(Projection.Version) ?? 0,
        e.GetString("Reference"));
}
