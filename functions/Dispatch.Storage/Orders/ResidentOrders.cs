using Azure.Data.Tables;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>A resident's orders by the phone they gave (找回我的订单). The phone lives only on the order row, with
/// the rest of the resident's details, so this is a filtered scan of the <c>orders</c> table's order rows: no second
/// copy of the phone is kept anywhere, and an order whose personal data was erased no longer has it, so it is not
/// found. A scan is fine for a rare, rate-limited action behind a one-time code; a busy deployment would add an
/// index keyed by a hash of the phone, kept and erased with the order.</summary>
public sealed class ResidentOrders(StorageAccount account)
{
    private readonly TableClient _table = account.Table(TableNames.Orders);

    /// <summary>The orders placed with <paramref name="phone"/>, newest first.</summary>
    public async Task<IReadOnlyList<OrderState>> FindByPhoneAsync(string phone, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(phone);
        var list = new List<OrderState>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {OrderStore.CurrentRow} and Phone eq {phone}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: [OrderStore.Columns.State], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(Json.Read<OrderState>(e.GetString(OrderStore.Columns.State), "State"));
        }

        return [.. list.OrderByDescending(o => o.PlacedAt)];
    }
}
