using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>A notice shown to a member, a resident (by order) or a community's organizers. No personal data.</summary>
public sealed record Notice(string RecipientKey, string OrderId, NoticeKind Kind, string? Text, DateTimeOffset At, string DedupeKey);

/// <summary>Partition keys of notice recipients.</summary>
public static class NoticeRecipient
{
    public static string Member(string memberId) => $"m|{Keys.Id(memberId, nameof(memberId))}";

    public static string Resident(string orderId) => $"r|{Keys.Id(orderId, nameof(orderId))}";

    public static string Organizers(string communityId) => $"o|{Keys.Id(communityId, nameof(communityId))}";
}

/// <summary>The <c>notices</c> table. Partition = recipient key. Each notice is two rows written in one
/// transaction: "d|{hash}" (hash of order id + dedupe key) makes the add idempotent — a second add fails
/// with 409 and changes nothing — and "n|{(long.MaxValue - utcTicks):D19}|{hash}" holds the notice,
/// so a row-key range query returns the newest first without sorting in memory.</summary>
public sealed class NoticeStore(StorageAccount account)
{
    public const int MaxTextLength = 500;

    private readonly TableClient _table = account.Table(TableNames.Notices);

    /// <summary>Adds the notice once per (recipient, order, dedupe key). Returns false if it was already added.</summary>
    public async Task<bool> AddAsync(
        string recipientKey,
        string orderId,
        NoticeKind notice,
        string dedupeKey,
        DateTimeOffset at,
        string? text = null,
        CancellationToken cancellationToken = default)
    {
        CheckRecipient(recipientKey);
        Keys.Id(orderId, nameof(orderId));
        ArgumentException.ThrowIfNullOrEmpty(dedupeKey);
        if (text is { Length: > MaxTextLength })
        {
            throw new ArgumentException($"Notice text is at most {MaxTextLength} characters.", nameof(text));
        }

        var hash = Keys.Sha256Hex($"{orderId}\n{dedupeKey}")[..32];
        var inverted = (long.MaxValue - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var marker = new TableEntity(recipientKey, $"d|{hash}") { ["NoticeRow"] = $"n|{inverted}|{hash}" };
        var row = new TableEntity(recipientKey, $"n|{inverted}|{hash}")
        {
            ["OrderId"] = orderId,
            ["Notice"] = notice.ToString(),
            ["Text"] = text,
            ["At"] = at,
            ["DedupeKey"] = dedupeKey,
        };
        try
        {
            await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, marker),
                 new TableTransactionAction(TableTransactionActionType.Add, row)],
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return false;
        }
    }

    /// <summary>The recipient's newest <paramref name="max"/> notices, newest first.</summary>
    public async Task<IReadOnlyList<Notice>> ListAsync(string recipientKey, int max, CancellationToken cancellationToken = default)
    {
        CheckRecipient(recipientKey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var from = "n|";
        var to = Keys.PrefixEnd(from);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {recipientKey} and RowKey ge {from} and RowKey lt {to}");
        var list = new List<Notice>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            list.Add(new Notice(
                recipientKey,
                e.GetString("OrderId") ?? "",
                Enum.Parse<NoticeKind>(e.GetString("Notice")),
                e.GetString("Text"),
                e.GetDateTimeOffset("At") ?? default,
                e.GetString("DedupeKey") ?? ""));
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }

    private static void CheckRecipient(string recipientKey)
    {
        if (recipientKey is not { Length: > 2 } || recipientKey[1] != '|' || recipientKey[0] is not ('m' or 'r' or 'o'))
        {
            throw new InvalidKeyException("Use NoticeRecipient to build a recipient key.", nameof(recipientKey));
        }

        Keys.Id(recipientKey[2..], nameof(recipientKey));
    }
}
