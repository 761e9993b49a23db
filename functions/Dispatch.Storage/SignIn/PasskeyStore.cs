using Azure;
using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>A registered passkey: its public key and signature counter, and the identity it signs in as.</summary>
public sealed record StoredPasskey(
    byte[] CredentialId, byte[] PublicKey, uint SignCount, byte[] UserHandle, string Role, string Subject, string Scope, string? Grid, DateTimeOffset CreatedAt);

/// <summary>The <c>passkeys</c> table: one partition per credential (<c>c|{sha256 of its id}</c>: ids are up to 1,023
/// bytes, too long for a key), found by the id the browser sends on sign-in; and the ceremonies answered
/// (<c>~used|{hash}</c>), so a challenge cannot be answered twice.</summary>
public sealed class PasskeyStore(StorageAccount account)
{
    public const string TableName = "passkeys";

    private readonly FeatureTable _table = new(account, TableName);

    public async Task AddAsync(StoredPasskey passkey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.AddEntityAsync(new TableEntity(Partition(passkey.CredentialId), "c")
        {
            ["CredentialId"] = passkey.CredentialId,
            ["PublicKey"] = passkey.PublicKey,
            ["SignCount"] = (long)passkey.SignCount,
            ["UserHandle"] = passkey.UserHandle,
            ["Role"] = passkey.Role,
            ["Subject"] = passkey.Subject,
            ["Scope"] = passkey.Scope,
            ["Grid"] = passkey.Grid,
            ["CreatedAt"] = passkey.CreatedAt,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredPasskey?> GetAsync(byte[] credentialId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(credentialId), "c", cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e
            ? new StoredPasskey(
                e.GetBinary("CredentialId"), e.GetBinary("PublicKey"), (uint)(e.GetInt64("SignCount") ?? 0), e.GetBinary("UserHandle"),
                e.GetString("Role") ?? "", e.GetString("Subject") ?? "", e.GetString("Scope") ?? "", e.GetString("Grid"), e.GetDateTimeOffset("CreatedAt") ?? default)
            : null;
    }

    public async Task SetSignCountAsync(byte[] credentialId, uint signCount, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.UpdateEntityAsync(new TableEntity(Partition(credentialId), "c") { ["SignCount"] = (long)signCount }, ETag.All, TableUpdateMode.Merge, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Marks a ceremony (by its hash) answered: true the first time, false after, so a challenge is answered
    /// at most once. Written only when an answer comes, so asking for options stores nothing.</summary>
    public async Task<bool> TryUseCeremonyAsync(string ceremonyHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity("~used|" + Keys.Id(ceremonyHash, nameof(ceremonyHash)), "u") { ["ExpiresAt"] = expiresAt }, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return false;
        }
    }

    private static string Partition(byte[] credentialId) => "c|" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(credentialId));

}
