using Azure.Data.Tables;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>Why an order is in a member's inbox.</summary>
public static class InboxRole
{
    public const string Offered = "offered";
    public const string Assigned = "assigned";

    /// <summary>The offer went to someone else (claimed, re-dispatched by hand, cancelled).</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>The member let the offer run out.</summary>
    public const string Expired = "expired";
}

/// <summary>One order in a member's inbox (no personal data: the resident's details are read from the
/// order, and only by the assignee).</summary>
public sealed record InboxItem(
    string MemberId,
    string OrderId,
    string CommunityId,
    OrderStatus Status,
    OrderKind Kind,
    ServiceCategory Category,
    string Role,
    int Attempt,
    DateTimeOffset? OfferDeadline,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>The <c>memberorders</c> table: partition = member id, row = order id.</summary>
public sealed class MemberInbox(StorageAccount account, TimeProvider? clock = null)
{
    private readonly TableClient _table = account.Table(TableNames.MemberOrders);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Upserts the member's row for this order (idempotent; an older state never overwrites a newer one).</summary>
    public async Task ProjectAsync(
        OrderState state,
        string memberId,
        string role,
        DateTimeOffset? at = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(role);
        Keys.Id(memberId, nameof(memberId));
        Keys.Id(state.OrderId, nameof(state.OrderId));
        var offer = state.Offer is { } o && o.MemberId == memberId ? o : null;
        var entity = new TableEntity(memberId, state.OrderId)
        {
            ["CommunityId"] = state.Request.Location.CommunityId,
            ["Status"] = state.Status.ToString(),
            ["Kind"] = state.Request.Kind.ToString(),
            ["Category"] = state.Request.Category.ToString(),
            ["Role"] = role,
            ["Attempt"] = offer?.Attempt ?? state.Attempt,
            ["OfferDeadline"] = offer?.Deadline,
            ["UpdatedAt"] = at ?? _clock.GetUtcNow(),
            [Projection.Version] = state.Version,
        };
        await Projection.UpsertIfNotOlderAsync(_table, entity, account.Projections, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of rows across every member (partition = member id) with their role, for the repair pass.</summary>
    public Task<ProjectionPage> PageAsync(string? continuation, int max, CancellationToken cancellationToken = default) =>
        Projection.PageAsync(_table, continuation, max, ["Role"], cancellationToken);

    /// <summary>The version of the order's row in the member's inbox, or null when it has none (for the repair pass).</summary>
    public Task<int?> VersionAsync(string memberId, string orderId, CancellationToken cancellationToken = default) =>
        Projection.VersionAsync(_table, Keys.Id(memberId, nameof(memberId)), Keys.Id(orderId, nameof(orderId)), cancellationToken);

    /// <summary>The member's orders, most recently updated first.</summary>
    public async Task<IReadOnlyList<InboxItem>> ListAsync(string memberId, CancellationToken cancellationToken = default)
    {
        Keys.Id(memberId, nameof(memberId));
        var list = new List<InboxItem>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {memberId}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new InboxItem(
                e.PartitionKey,
                e.RowKey,
                e.GetString("CommunityId") ?? "",
                Enum.Parse<OrderStatus>(e.GetString("Status")),
                Enum.Parse<OrderKind>(e.GetString("Kind")),
                Enum.Parse<ServiceCategory>(e.GetString("Category")),
                e.GetString("Role") ?? "",
                e.GetInt32("Attempt") ?? 0,
                e.GetDateTimeOffset("OfferDeadline"),
                e.GetDateTimeOffset("UpdatedAt") ?? default,
                e.GetInt32(Projection.Version) ?? 0));
        }

        return list.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.OrderId, StringComparer.Ordinal).ToList();
    }
}
