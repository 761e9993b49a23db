using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Registry;

namespace Dispatch.Storage;

/// <summary>A registration as stored, with the ETag to change it by.</summary>
public sealed record StoredRegistration(Registration Registration, ETag ETag);

/// <summary>What a submission came to: <see cref="Created"/> is false when the phone already had a registration
/// here, which is answered as it is (a rejected one is pending again with the new details).</summary>
public sealed record RegistrationSubmit(bool Created, Registration Registration);

/// <summary>The <c>registrations</c> table: partition = community id, row = registration id (the registration as
/// JSON and its status), and a row "~phone|{phone}" naming the registration of each phone, added in the same
/// transaction, so a phone registers once per community however often the form is sent.</summary>
public sealed class RegistrationStore(StorageAccount account)
{
    public const string TableName = "registrations";

    private const string PhonePrefix = "~phone|";

    private readonly FeatureTable _table = new(account, TableName);

    public async Task<RegistrationSubmit> SubmitAsync(Registration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var community = registration.CommunityId;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var phoneRow = new TableEntity(community, PhonePrefix + registration.Details.Phone) { ["RegistrationId"] = registration.RegistrationId };
            try
            {
                await table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Add, ToEntity(registration)),
                        new TableTransactionAction(TableTransactionActionType.Add, phoneRow),
                    ],
                    cancellationToken).ConfigureAwait(false);
                return new RegistrationSubmit(true, registration);
            }
            catch (RequestFailedException e) when (e.IsConflict())
            {
                var existingId = await table.GetEntityIfExistsAsync<TableEntity>(community, phoneRow.RowKey, ["RegistrationId"], cancellationToken)
                    .ConfigureAwait(false);
                if (existingId.HasValue && existingId.Value?.GetString("RegistrationId") is { } id
                    && await GetAsync(community, id, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    if (RegistrationRules.Resubmit(existing.Registration, registration.Details, registration.Pledge, registration.SubmittedAt) is not { } reopened)
                    {
                        return new RegistrationSubmit(false, existing.Registration);
                    }

                    if (await TryReplaceAsync(new StoredRegistration(reopened, existing.ETag), cancellationToken).ConfigureAwait(false))
                    {
                        return new RegistrationSubmit(true, reopened);
                    }
                }
            }
        }

        throw new ConcurrencyConflictException($"Registration of community {community} kept changing.");
    }

    public async Task<StoredRegistration?> GetAsync(string communityId, string registrationId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            Keys.Id(communityId, nameof(communityId)), Keys.Id(registrationId, nameof(registrationId)), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e && !e.RowKey.StartsWith(PhonePrefix, StringComparison.Ordinal)
            ? new StoredRegistration(ToRegistration(e), e.ETag)
            : null;
    }

    /// <summary>The community's registrations (one partition scan), optionally of one status, oldest first.</summary>
    public async Task<IReadOnlyList<Registration>> ListAsync(string communityId, RegistrationStatus? status, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Keys.Id(communityId, nameof(communityId))} and Status eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Keys.Id(communityId, nameof(communityId))} and RowKey lt {PhonePrefix}");
        var list = new List<Registration>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!e.RowKey.StartsWith(PhonePrefix, StringComparison.Ordinal))
            {
                list.Add(ToRegistration(e));
            }
        }

        return [.. list.OrderBy(r => r.SubmittedAt).ThenBy(r => r.RegistrationId, StringComparer.Ordinal)];
    }

    /// <summary>Writes a decided registration if it is unchanged since read; false if someone changed it first.</summary>
    public async Task<bool> TryReplaceAsync(StoredRegistration stored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.UpdateEntityAsync(ToEntity(stored.Registration), stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
        {
            return false;
        }
    }

    private static TableEntity ToEntity(Registration r) =>
        new(Keys.Id(r.CommunityId, "CommunityId"), Keys.Id(r.RegistrationId, nameof(r.RegistrationId)))
        {
            ["Status"] = r.Status.ToString(),
            ["Json"] = Json.Write(r),
        };

    private static Registration ToRegistration(TableEntity e) => Json.Read<Registration>(e.GetString("Json"), "Registration");
}
