namespace Dispatch.Storage;

/// <summary>Base names of the tables; the account adds <see cref="StorageOptions.TablePrefix"/>.</summary>
public static class TableNames
{
    public const string Orders = "orders";
    public const string OpenOrders = "openorders";
    public const string MemberOrders = "memberorders";
    public const string Members = "members";
    public const string Org = "org";
    public const string Records = "records";
    public const string Idempotency = "idempotency";
    public const string Timers = "timers";
    public const string Outbox = "outbox";
    public const string Notices = "notices";
    public const string Retention = "retention";

    public static IReadOnlyList<string> All { get; } =
        [Orders, OpenOrders, MemberOrders, Members, Org, Records, Idempotency, Timers, Outbox, Notices, Retention];
}
