using Azure;
using Azure.Data.Tables;
using Dispatch.Core.SignIn;

namespace Dispatch.Storage;

/// <summary>The send times a limit counts (the last hour's) and the row version they were read at.</summary>
public sealed record SendLog(IReadOnlyList<DateTimeOffset> SentAt, ETag? ETag);

/// <summary>The code last sent to a phone and the row version it was read at.</summary>
public sealed record StoredCode(SignInCode Code, ETag ETag);

/// <summary>The <c>signin</c> table: one partition per phone (row <c>code</c>: the last code's hash and state; row
/// <c>sends</c>: when codes were sent this hour) and one per client address (<c>~addr|{sha256}</c>, row <c>sends</c>),
/// so sign-in load spreads over as many partitions as there are people. Every change is a conditional write: two
/// racing sends or tries cannot both pass a limit or both use a code.</summary>
public sealed class SignInStore(StorageAccount account)
{
    public const string TableName = "signin";

    private const string CodeRow = "code";
    private const string SendsRow = "sends";

    private readonly FeatureTable _table = new(account, TableName);

    /// <summary>The partition counting a client address's sends (hashed: an address is personal data).</summary>
    public static string AddressKey(string address) => "~addr|" + Keys.Sha256Hex(address);

    public async Task<SendLog> GetSendsAsync(string key, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Key(key), SendsRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e
            ? new SendLog(Json.Read<DateTimeOffset[]>(e.GetString("SentAt"), "SentAt"), e.ETag)
            : new SendLog([], null);
    }

    /// <summary>Stores the send times if the row is still as read; false when another send came first.</summary>
    public async Task<bool> TryWriteSendsAsync(string key, IReadOnlyList<DateTimeOffset> sentAt, ETag? readAt, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Key(key), SendsRow) { ["SentAt"] = Json.Write(sentAt) };
        try
        {
            if (readAt is { } etag)
            {
                await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.IsConflict() || e.IsPreconditionFailed())
        {
            return false;
        }
    }

    public async Task<StoredCode?> GetCodeAsync(string phone, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Key(phone), CodeRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e
            ? new StoredCode(
                new SignInCode(e.GetString("Hash") ?? "", e.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue, e.GetInt32("WrongTries") ?? 0, e.GetBoolean("Used") ?? false),
                e.ETag)
            : null;
    }

    /// <summary>A new code replaces the phone's last one, whatever its state.</summary>
    public async Task PutCodeAsync(string phone, SignInCode code, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(phone, code), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores a tried or used code if it is still as read; false when another try or a new code came first.</summary>
    public async Task<bool> TryReplaceCodeAsync(string phone, SignInCode code, ETag readAt, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.UpdateEntityAsync(ToEntity(phone, code), readAt, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
        {
            return false;
        }
    }

    private static TableEntity ToEntity(string phone, SignInCode code) => new(Key(phone), CodeRow)
    {
        ["Hash"] = code.Hash,
        ["SentAt"] = code.SentAt,
        ["WrongTries"] = code.WrongTries,
        ["Used"] = code.Used,
    };

    private static string Key(string key) => key.StartsWith("~addr|", StringComparison.Ordinal) ? key : Keys.Id(key, "phone");
}
