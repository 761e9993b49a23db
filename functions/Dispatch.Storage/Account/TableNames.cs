namespace Dispatch.Storage;

/// <summary>Base names of the tables; the account adds <see cref="StorageOptions.TablePrefix"/>.</summary>
public static class TableNames
{
    public const string Orders = "orders";
    public const string OpenOrders = "openorders";
    public const string MemberOrders = "memberorders";
    public const string Members = "members";
    public const string Org = "org";
    /// <summary>Service records: one table per community, this base name + a hash of the community id
    /// (<see cref="ServiceRecordStore.TableOf"/>), created on its first record. A table by this name alone is the one
    /// every community's records shared before; <see cref="ServiceRecordStore"/> moves its rows once and drops it.</summary>
    public const string Records = "records";
    public const string Idempotency = "idempotency";
    public const string Timers = "timers";
    public const string Outbox = "outbox";
    public const string Notices = "notices";
    public const string Retention = "retention";

    public static IReadOnlyList<string> All { get; } =
        [Orders, OpenOrders, MemberOrders, Members, Org, Idempotency, Timers, Outbox, Notices, Retention];
}
