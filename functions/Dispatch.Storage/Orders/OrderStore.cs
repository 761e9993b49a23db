using System.Collections.Immutable;
using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>The <c>orders</c> table. Partition = order id; row "order" holds the current state, the
/// resident's details, the outbox, the event that made the current version and the earlier versions' events; rows
/// "e{version:D6}" hold earlier events once the order row's share grew past <see cref="SpillChars"/> (and every
/// event of orders saved before the order row kept them).</summary>
public sealed class OrderStore(StorageAccount account)
{
    public const string CurrentRow = "order";
    public const int CompleteEffectsTries = 10;

    /// <summary>Past this many characters of earlier events on the order row, a save moves them to history rows: a
    /// table property holds at most 32K characters, and most orders never come near (a cycle is 5–8 events).</summary>
    public const int SpillChars = 16_000;

    private readonly TableClient _table = account.Table(TableNames.Orders);

    public static string HistoryRow(int version) => $"e{version:D6}";

    public async Task<StoredOrder?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        Keys.Id(orderId, nameof(orderId));
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(orderId, CurrentRow, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? ToStored(entity) : null;
    }

    /// <summary>Notes on the order row that it has a photo (or no longer has one), so its views need not ask the blob
    /// store. A merge with the row's ETag, retried when a save came in between; idempotent.</summary>
    public Task MarkPhotoAsync(string orderId, bool hasPhoto, CancellationToken cancellationToken = default) =>
        MergeIntoCurrentAsync(
            Keys.Id(orderId, nameof(orderId)),
            [Columns.HasPhoto],
            row => row.GetBoolean(Columns.HasPhoto) == hasPhoto ? null : new TableEntity(orderId, CurrentRow) { [Columns.HasPhoto] = hasPhoto },
            cancellationToken);

    /// <summary>Merges what <paramref name="patchOf"/> makes of the order row (read with <paramref name="columns"/>) into it,
    /// with the row's ETag, so it never undoes a save it raced with: on 412 it reads the new version and tries again.
    /// Nothing happens when the row is gone (answers false) or the patch is null (nothing to change).</summary>
    private async Task<bool> MergeIntoCurrentAsync(string orderId, string[] columns, Func<TableEntity, TableEntity?> patchOf, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(orderId, CurrentRow, columns, cancellationToken).ConfigureAwait(false);
            if (!row.HasValue || row.Value is null)
            {
                return false;
            }

            if (patchOf(row.Value) is not { } patch)
            {
                return true;
            }

            try
            {
                await _table.UpdateEntityAsync(patch, row.Value.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed() && attempt < CompleteEffectsTries)
            {
                // Saved in between: patch the new version.
            }
        }
    }

    /// <summary>Keeps a free-text reason (decline, dispute, cancel) in the order's own partition, beside the
    /// resident's details and erased with them, under the id of the event it explains; the event itself
    /// (and on Azure the orchestration's history) carries no free text. Idempotent per event id.</summary>
    public async Task AddReasonAsync(string orderId, string eventId, string kind, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Keys.Id(orderId, nameof(orderId));
        Keys.Id(eventId, nameof(eventId));
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (reason.Length > FreeText.MaxReason)
        {
            throw new ArgumentException($"A reason has at most {FreeText.MaxReason} characters.", nameof(reason));
        }

        var entity = new TableEntity(orderId, $"reason|{eventId}") { ["Kind"] = kind, ["Reason"] = reason, ["At"] = at };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Erases the resident's name, phone, address and description (each becomes
    /// <see cref="ResidentDetails.ErasedText"/>) and deletes the free-text reasons. Ids, state, outbox and history
    /// stay; free-text reasons inside history events (the local host keeps them there) are cut from the events.
    /// A merge with the row's ETag, so it never undoes a save it raced with; idempotent.</summary>
    public async Task ErasePersonalDataAsync(string orderId, CancellationToken cancellationToken = default)
    {
        if (!await MergeIntoCurrentAsync(orderId, [Columns.Name, Columns.LastEvent, Columns.Earlier], row => ErasedPatch(orderId, row), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await foreach (var history in _table.QueryAsync<TableEntity>(
            x => x.PartitionKey == orderId && x.RowKey.CompareTo("e") >= 0 && x.RowKey.CompareTo("f") < 0,
            select: ["PartitionKey", "RowKey", Columns.Event], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (WithoutFreeText(history.GetString(Columns.Event)) is { } scrubbed)
            {
                var patch = new TableEntity(orderId, history.RowKey) { [Columns.Event] = scrubbed };
                await _table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
        }

        await foreach (var reason in _table.QueryAsync<TableEntity>(
            x => x.PartitionKey == orderId && x.RowKey.CompareTo("reason|") >= 0 && x.RowKey.CompareTo("reason}") < 0,
            select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await _table.DeleteEntityAsync(orderId, reason.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The resident's details erased, the photo flag cleared and free-text reasons cut from the row's events.</summary>
    private static TableEntity ErasedPatch(string orderId, TableEntity row)
    {
        var erased = ResidentDetails.Erased;
        var patch = new TableEntity(orderId, CurrentRow)
        {
            [Columns.Name] = erased.Name,
            [Columns.Phone] = erased.Phone,
            [Columns.Address] = erased.Address,
            [Columns.Description] = erased.Description,
            [Columns.WantsUpdates] = false,
            [Columns.HasPhoto] = false,
        };
        if (WithoutFreeText(row.GetString(Columns.LastEvent)) is { } last)
        {
            patch[Columns.LastEvent] = last;
        }

        var earlier = ReadEarlier(row.GetString(Columns.Earlier));
        var scrubbed = earlier.Select(e => WithoutFreeText(e.Event) is { } clean ? e with { Event = clean } : e).ToImmutableArray();
        if (!scrubbed.SequenceEqual(earlier))
        {
            patch[Columns.Earlier] = Json.Write(scrubbed);
        }

        return patch;
    }

    /// <summary>The event's JSON without its free-text reason, or null when it has none.</summary>
    private static string? WithoutFreeText(string? json) =>
        json is not null && WithoutFreeText(Json.Read<OrderEvent>(json, "Event")) is { } scrubbed ? Json.Write(scrubbed) : null;

    /// <summary>The event without its free-text reason, or null when it has none.</summary>
    private static OrderEvent? WithoutFreeText(OrderEvent evt) =>
        evt switch
        {
            OfferDeclined { Reason: not null } d => d with { Reason = null },
            ServiceDisputed { Reason: not null } d => d with { Reason = null },
            OrderCancelled { Reason: not null } c => c with { Reason = null },
            ServiceConfirmed { Reason: not null } c => c with { Reason = null },
            _ => null,
        };

    /// <summary>The reasons kept for an order, oldest first.</summary>
    public async Task<IReadOnlyList<(string Kind, string Reason, DateTimeOffset At)>> ReasonsAsync(string orderId, CancellationToken cancellationToken = default)
    {
        Keys.Id(orderId, nameof(orderId));
        var list = new List<(string, string, DateTimeOffset)>();
        await foreach (var e in _table.QueryAsync<TableEntity>(
            x => x.PartitionKey == orderId && x.RowKey.CompareTo("reason|") >= 0 && x.RowKey.CompareTo("reason}") < 0,
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add((e.GetString("Kind") ?? "", e.GetString("Reason") ?? "", e.GetDateTimeOffset("At") ?? default));
        }

        return [.. list.OrderBy(r => r.Item3)];
    }

    /// <summary>Keeps an event handed to an order's workflow until it has been decided (row
    /// "pending|{id}"), so an event the workflow did not take (a lost wake-up, a generation restart, a
    /// workflow that is down) is found and decided later instead of lost. Ids only.</summary>
    public async Task AddPendingEventAsync(string orderId, string eventId, OrderEvent evt, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Keys.Id(orderId, nameof(orderId));
        Keys.Id(eventId, nameof(eventId));
        ArgumentNullException.ThrowIfNull(evt);
        var entity = new TableEntity(orderId, PendingRow(eventId)) { [Columns.Event] = Json.Write(evt), [Columns.At] = at };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The events handed to the order's workflow and not yet decided, oldest first.</summary>
    public async Task<IReadOnlyList<(string Id, OrderEvent Event, DateTimeOffset At)>> PendingEventsAsync(string orderId, CancellationToken cancellationToken = default)
    {
        Keys.Id(orderId, nameof(orderId));
        var list = new List<(string, OrderEvent, DateTimeOffset)>();
        await foreach (var e in _table.QueryAsync<TableEntity>(
            x => x.PartitionKey == orderId && x.RowKey.CompareTo(PendingPrefix) >= 0 && x.RowKey.CompareTo("pending}") < 0,
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add((e.RowKey[PendingPrefix.Length..], Json.Read<OrderEvent>(e.GetString(Columns.Event), "Event"), e.GetDateTimeOffset(Columns.At) ?? default));
        }

        return [.. list.OrderBy(p => p.Item3)];
    }

    /// <summary>The event was decided (accepted or refused): it is no longer pending. Idempotent.</summary>
    public async Task RemovePendingEventAsync(string orderId, string eventId, CancellationToken cancellationToken = default)
    {
        Keys.Id(orderId, nameof(orderId));
        try
        {
            await _table.DeleteEntityAsync(orderId, PendingRow(Keys.Id(eventId, nameof(eventId))), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already removed (a retried activity).
        }
    }

    private const string PendingPrefix = "pending|";

    private static string PendingRow(string eventId) => PendingPrefix + eventId;

    /// <summary>Writes a new order: one request, whose answer carries the ETag. Its first event is the order row's
    /// last event; the next save writes it as history row e000001 (see <see cref="SaveAsync"/>). If the order already
    /// exists (a retried request), nothing is written and the stored order is returned.</summary>
    public async Task<StoredOrder> CreateAsync(
        OrderState state,
        ResidentDetails resident,
        OrderEvent placed,
        DateTimeOffset at,
        ImmutableArray<OrderEffect> outbox,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(placed);
        Keys.Id(state.OrderId, "state.OrderId");

        Response response;
        try
        {
            response = await _table.AddEntityAsync(ToEntity(state, resident, outbox, placed, at, hasPhoto: false, earlier: []), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return await GetAsync(state.OrderId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Order {state.OrderId} conflicted on create but cannot be read.", e);
        }

        return response.Headers.ETag is { } etag
            ? new StoredOrder(state, resident, Normalize(outbox), etag) { Last = (placed, at), HasPhoto = false }
            : await GetAsync(state.OrderId, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Order {state.OrderId} vanished.");
    }

    /// <summary>Replaces the order if it is unchanged since <paramref name="previous"/> was read (If-Match on
    /// a single operation, since Azurite ignores If-Match inside batches). The order row keeps the event it was
    /// saved for and, beside it, the earlier versions' events: one request per save, and the history has every
    /// version (<see cref="HistoryAsync"/>). When the earlier events outgrow <see cref="SpillChars"/>, they are first
    /// written as history rows (idempotent upserts of the same content) and the order row starts afresh.</summary>
    /// <exception cref="ConcurrencyConflictException">Someone saved the order first (HTTP 412).</exception>
    public async Task<StoredOrder> SaveAsync(
        StoredOrder previous,
        OrderState next,
        OrderEvent evt,
        DateTimeOffset at,
        ImmutableArray<OrderEffect> outbox,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(evt);
        if (next.OrderId != previous.OrderId)
        {
            throw new ArgumentException("The next state belongs to another order.", nameof(next));
        }

        var earlier = previous.Last is { } last
            ? previous.Earlier.Add(new EarlierEvent(previous.State.Version, last.Event, last.At))
            : previous.Earlier;
        if (Json.Write(earlier).Length > SpillChars)
        {
            // Written before the save, so a failed spill saves nothing; rewriting them after a 412 is harmless.
            await Task.WhenAll(earlier.Select(e => _table.UpsertEntityAsync(ToHistory(previous.OrderId, e.Version, e.Event, e.At), TableUpdateMode.Replace, cancellationToken)))
                .ConfigureAwait(false);
            earlier = [];
        }

        var entity = ToEntity(next, previous.Resident, outbox, evt, at, previous.HasPhoto, earlier);
        Response response;
        try
        {
            response = await _table.UpdateEntityAsync(entity, previous.ETag, TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed())
        {
            throw new ConcurrencyConflictException($"Order {next.OrderId} was changed since version {previous.State.Version}.", e);
        }

        return response.Headers.ETag is { } etag
            ? new StoredOrder(next, previous.Resident, Normalize(outbox), etag) { Last = (evt, at), HasPhoto = previous.HasPhoto, Earlier = earlier }
            : await GetAsync(next.OrderId, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Order {next.OrderId} vanished.");
    }

    /// <summary>Removes the effects with these keys from the outbox, guarded by ETag, re-reading and
    /// retrying on a conflict. Returns the order after the change (null if it does not exist).</summary>
    public async Task<StoredOrder?> CompleteEffectsAsync(
        string orderId,
        IReadOnlySet<string> doneKeys,
        CancellationToken cancellationToken = default) =>
        await GetAsync(orderId, cancellationToken).ConfigureAwait(false) is { } stored
            ? await CompleteEffectsAsync(stored, doneKeys, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>The same, starting from the order as the caller last saved or read it: no read unless someone
    /// saved it since (then re-read and retried).</summary>
    public async Task<StoredOrder?> CompleteEffectsAsync(
        StoredOrder current,
        IReadOnlySet<string> doneKeys,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(doneKeys);
        var orderId = current.OrderId;
        for (var attempt = 0; attempt < CompleteEffectsTries; attempt++)
        {
            var stored = attempt == 0 ? current : await GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return null;
            }

            var remaining = stored.Outbox.RemoveAll(e => doneKeys.Contains(e.Key));
            if (remaining.Length == stored.Outbox.Length)
            {
                return stored;
            }

            var patch = new TableEntity(orderId, CurrentRow) { [Columns.Outbox] = Json.WriteEffects(remaining), [Columns.Pending] = !remaining.IsEmpty };
            try
            {
                var response = await _table.UpdateEntityAsync(patch, stored.ETag, TableUpdateMode.Merge, cancellationToken)
                    .ConfigureAwait(false);
                return response.Headers.ETag is { } etag
                    ? stored with { Outbox = remaining, ETag = etag }
                    : await GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed())
            {
                // Someone saved the order in between: re-read and remove the keys from the new outbox.
            }
        }

        throw new ConcurrencyConflictException(
            $"Order {orderId}: outbox not updated after {CompleteEffectsTries} conflicting tries.");
    }

    /// <summary>Up to <paramref name="max"/> orders whose outbox still held effects when saved before
    /// <paramref name="savedBefore"/>: what a crash left behind. A filtered scan of the order rows, so hosts run it
    /// rarely (on start, then every <c>Dispatch:PendingScanInterval</c>); a failed effect marks its order instead.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(DateTimeOffset savedBefore, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var filter = TableClient.CreateQueryFilter(
            $"RowKey eq {CurrentRow} and Pending eq {true} and PendingSince lt {savedBefore}"); // Columns.Pending, Columns.PendingSince
        var ids = new List<string>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(e.PartitionKey);
            if (ids.Count == max)
            {
                break;
            }
        }

        return ids;
    }

    /// <summary>The order's accepted events in version order (one partition query): the order row's latest and earlier
    /// events, and the history rows of events spilled from it (or saved before the order row kept them).</summary>
    public async Task<IReadOnlyList<OrderHistoryEntry>> HistoryAsync(string orderId, CancellationToken cancellationToken = default)
    {
        Keys.Id(orderId, nameof(orderId));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {orderId}");
        var byVersion = new Dictionary<int, OrderHistoryEntry>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == CurrentRow)
            {
                var current = ToStored(e);
                foreach (var earlier in current.Earlier)
                {
                    byVersion.TryAdd(earlier.Version, new OrderHistoryEntry(earlier.Version, earlier.Event, earlier.At, earlier.Event.Actor));
                }

                if (current.Last is { } last)
                {
                    byVersion.TryAdd(current.State.Version, new OrderHistoryEntry(current.State.Version, last.Event, last.At, last.Event.Actor));
                }

                continue;
            }

            if (!e.RowKey.StartsWith('e'))
            {
                continue; // Reasons ("reason|…") live in the same partition.
            }

            var role = Enum.Parse<ActorRole>(e.GetString(Columns.ActorRole));
            var version = e.GetInt32(Columns.Version) ?? int.Parse(e.RowKey[1..], System.Globalization.CultureInfo.InvariantCulture);
            byVersion[version] = new OrderHistoryEntry(
                version,
                Json.Read<OrderEvent>(e.GetString(Columns.Event), "Event"),
                e.GetDateTimeOffset(Columns.At) ?? throw new InvalidDataException("At is missing."),
                new Actor(role, e.GetString(Columns.ActorId)));
        }

        return [.. byVersion.Values.OrderBy(h => h.Version)];
    }

    /// <summary>The history of the order as read: from its own row when that holds every version (no request), else
    /// as <see cref="HistoryAsync(string, CancellationToken)"/> reads it.</summary>
    public Task<IReadOnlyList<OrderHistoryEntry>> HistoryAsync(StoredOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Last is not { } last || order.Earlier.Length != order.State.Version - 1
            || !order.Earlier.Select(e => e.Version).SequenceEqual(Enumerable.Range(1, order.State.Version - 1)))
        {
            return HistoryAsync(order.OrderId, cancellationToken);
        }

        IReadOnlyList<OrderHistoryEntry> history =
        [
            .. order.Earlier.Select(e => new OrderHistoryEntry(e.Version, e.Event, e.At, e.Event.Actor)),
            new OrderHistoryEntry(order.State.Version, last.Event, last.At, last.Event.Actor),
        ];
        return Task.FromResult(history);
    }

    private static ImmutableArray<EarlierEvent> ReadEarlier(string? json) =>
        json is null ? [] : Json.Read<ImmutableArray<EarlierEvent>>(json, Columns.Earlier);

    private static ImmutableArray<OrderEffect> Normalize(ImmutableArray<OrderEffect> outbox) =>
        outbox.IsDefault ? [] : outbox;

    private static TableEntity ToEntity(
        OrderState state,
        ResidentDetails resident,
        ImmutableArray<OrderEffect> outbox,
        OrderEvent evt,
        DateTimeOffset at,
        bool? hasPhoto,
        ImmutableArray<EarlierEvent> earlier) =>
        new(state.OrderId, CurrentRow)
        {
            [Columns.Earlier] = earlier.IsDefaultOrEmpty ? null : Json.Write(earlier),
            [Columns.HasPhoto] = hasPhoto,
            [Columns.LastEvent] = Json.Write(evt),
            [Columns.LastAt] = at,
            [Columns.State] = Json.Write(state),
            [Columns.Name] = resident.Name,
            [Columns.Phone] = resident.Phone,
            [Columns.Address] = resident.Address,
            [Columns.Description] = resident.Description,
            [Columns.WantsUpdates] = resident.WantsUpdates,
            [Columns.Outbox] = Json.WriteEffects(outbox),
            [Columns.Pending] = !outbox.IsDefaultOrEmpty,
            [Columns.PendingSince] = at,
            [Columns.Status] = state.Status.ToString(),
            [Columns.CommunityId] = state.Request.Location.CommunityId,
            [Columns.Version] = state.Version,
        };

    private static TableEntity ToHistory(string orderId, int version, OrderEvent evt, DateTimeOffset at) =>
        new(orderId, HistoryRow(version))
        {
            [Columns.Event] = Json.Write(evt),
            [Columns.At] = at,
            [Columns.ActorRole] = evt.Actor.Role.ToString(),
            [Columns.ActorId] = evt.Actor.Id,
            [Columns.Version] = version,
        };

    private static StoredOrder ToStored(TableEntity e) => new(
        Json.Read<OrderState>(e.GetString(Columns.State), "State"),
        new ResidentDetails(
            e.GetString(Columns.Name) ?? "",
            e.GetString(Columns.Phone) ?? "",
            e.GetString(Columns.Address) ?? "",
            e.GetString(Columns.Description) ?? "",
            e.GetBoolean(Columns.WantsUpdates) ?? false),
        Json.ReadEffects(e.GetString(Columns.Outbox)),
        e.ETag)
    {
        HasPhoto = e.GetBoolean(Columns.HasPhoto),
        Earlier = ReadEarlier(e.GetString(Columns.Earlier)),
        Last = e.GetString(Columns.LastEvent) is { } last && e.GetDateTimeOffset(Columns.LastAt) is { } lastAt
            ? (Json.Read<OrderEvent>(last, Columns.LastEvent), lastAt)
            : null,
    };

    internal static class Columns
    {
        public const string State = "State";
        public const string Name = "Name";
        public const string Phone = "Phone";
        public const string Address = "Address";
        public const string Description = "Description";
        public const string WantsUpdates = "WantsUpdates";
        public const string HasPhoto = "HasPhoto";
        public const string Outbox = "Outbox";

        /// <summary>Whether the outbox holds effects (queryable, unlike the JSON), and since when.</summary>
        public const string Pending = "Pending";
        public const string PendingSince = "PendingSince";
        public const string Status = "Status";
        public const string CommunityId = "CommunityId";
        public const string Version = "Version";
        public const string Event = "Event";
        public const string At = "At";
        public const string ActorRole = "ActorRole";
        public const string ActorId = "ActorId";
        public const string LastEvent = "LastEvent";
        public const string LastAt = "LastAt";

        /// <summary>Earlier versions' events (<see cref="EarlierEvent"/>), oldest first.</summary>
        public const string Earlier = "Earlier";
    }
}
