using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Api;
using Dispatch.Core.Notifications;

namespace Dispatch.Storage;

/// <summary>One delivery: a notice to one recipient over one channel (one phone, for push). No text and no address:
/// what to send is rebuilt from the order at each attempt, so the log holds no personal data and no link.</summary>
public sealed record Delivery(
    string CommunityId,
    string Id,
    DeliveryRecipient Recipient,
    string? RecipientId,
    Channel Channel,
    string? Target,
    string OrderId,
    DeliveryKind Kind,
    DateTimeOffset? OfferDeadline,
    int Attempt,
    DeliveryOutcome Outcome,
    string? Error,
    DateTimeOffset At,
    DateTimeOffset? NextAttemptAt)
{
    /// <summary>The id of a notice over a channel (and target): the same notice delivered twice has the same id.</summary>
    public static string IdOf(string recipientKey, string orderId, string noticeKey, Channel channel, string? target) =>
        Keys.Sha256Hex($"{recipientKey}\n{orderId}\n{noticeKey}\n{channel}\n{target}")[..32];
}

/// <summary>The <c>deliveries</c> table. Partition = community, row = <see cref="Delivery.IdOf"/>: adding a delivery
/// that exists fails (409), which makes every notice over every channel go out once.</summary>
public sealed class DeliveryStore(StorageAccount account)
{
    public const int MaxError = 200;

    private readonly FeatureTable _table = new(account, ChannelTables.Deliveries);

    /// <summary>Adds the delivery; false if it was already there (the notice was delivered or is being retried).</summary>
    public async Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(ToEntity(delivery), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return false;
        }
    }

    public async Task SaveAsync(Delivery delivery, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(delivery), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The community's deliveries (with <paramref name="outcome"/>, only those), newest first, at most
    /// <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<Delivery>> ListAsync(
        string communityId, DeliveryOutcome? outcome, int max, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = outcome is { } o
            ? TableClient.CreateQueryFilter($"PartitionKey eq {communityId} and Outcome eq {o.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {communityId}");
        var list = new List<Delivery>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(FromEntity(e));
        }

        return [.. list.OrderByDescending(d => d.At).ThenBy(d => d.Id, StringComparer.Ordinal).Take(max)];
    }

    /// <summary>Deliveries whose next attempt is due: retries, and attempts a crash left pending past their lease.</summary>
    public async Task<IReadOnlyList<Delivery>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"(Outcome eq {nameof(DeliveryOutcome.Retrying)} or Outcome eq {nameof(DeliveryOutcome.Pending)}) and NextAttemptAt le {now}");
        var list = new List<Delivery>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            list.Add(FromEntity(e));
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }

    private static TableEntity ToEntity(Delivery d) => new(Keys.Id(d.CommunityId, nameof(d.CommunityId)), d.Id)
    {
        ["Recipient"] = d.Recipient.ToString(),
        ["RecipientId"] = d.RecipientId,
        ["Channel"] = d.Channel.ToString(),
        ["Target"] = d.Target,
        ["OrderId"] = d.OrderId,
        ["Kind"] = d.Kind.ToString(),
        ["OfferDeadline"] = d.OfferDeadline,
        ["Attempt"] = d.Attempt,
        ["Outcome"] = d.Outcome.ToString(),
        ["Error"] = d.Error is { Length: > MaxError } e ? e[..MaxError] : d.Error,
        ["At"] = d.At,
        ["NextAttemptAt"] = d.NextAttemptAt,
    };

    private static Delivery FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        Enum.Parse<DeliveryRecipient>(e.GetString("Recipient")),
        e.GetString("RecipientId"),
        Enum.Parse<Channel>(e.GetString("Channel")),
        e.GetString("Target"),
        e.GetString("OrderId") ?? "",
        Enum.Parse<DeliveryKind>(e.GetString("Kind")),
        e.GetDateTimeOffset("OfferDeadline"),
        e.GetInt32("Attempt") ?? 0,
        Enum.Parse<DeliveryOutcome>(e.GetString("Outcome")),
        e.GetString("Error"),
        e.GetDateTimeOffset("At") ?? default,
        e.GetDateTimeOffset("NextAttemptAt"));
}
