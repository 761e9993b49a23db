using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Reports;

namespace Dispatch.Storage;

/// <summary>The <c>proofs</c> table: service-hours proofs, written with Add only and never changed or
/// deleted. PK = the proof number (random, so the load spreads over partitions and a number names
/// nothing else), RK = "proof". Columns: the proof as JSON plus CommunityId, MemberId, Year and IssuedAt
/// for audits. No phone.</summary>
public sealed class ProofStore(StorageAccount account)
{
    public const string TableName = "proofs";
    public const string ProofRow = "proof";

    private readonly FeatureTable _table = new(account, TableName);

    /// <summary>Adds the proof. False if the number is taken (the caller draws a new number).</summary>
    public async Task<bool> AddAsync(ServiceProof proof, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(Keys.Id(proof.Number, nameof(proof.Number)), ProofRow)
            {
                ["CommunityId"] = proof.CommunityId,
                ["MemberId"] = proof.MemberId,
                ["Year"] = proof.Year,
                ["IssuedAt"] = proof.IssuedAt,
                ["Json"] = Json.Write(proof),
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return false;
        }
    }

    /// <summary>The proof with this exact number, or null.</summary>
    public async Task<ServiceProof?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Keys.Id(number, nameof(number)), ProofRow, ["Json"], cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue && found.Value is { } e ? Json.Read<ServiceProof>(e.GetString("Json"), "Json") : null;
    }
}
