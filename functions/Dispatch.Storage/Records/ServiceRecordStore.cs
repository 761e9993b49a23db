using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Hours;

namespace Dispatch.Storage;

/// <summary>A member's running totals for one year (China calendar year of the service date).</summary>
public sealed record MemberTally(
    string CommunityId,
    int Year,
    string MemberId,
    int HalfHours,
    int Services,
    int Wishes,
    int RatingSum,
    int RatingCount)
{
    public decimal Hours => HalfHours / 2m;

    public decimal? AverageRating => RatingCount == 0 ? null : (decimal)RatingSum / RatingCount;
}

/// <summary>The <c>records</c> table. Partition = "{communityId}|{year}|{memberId}": a member-year, so the
/// record rows ("r|{recordId}") and the running "tally" row can change in one transaction.</summary>
public sealed class ServiceRecordStore(StorageAccount account)
{
    public const string TallyRow = "tally";
    public const int AddTries = 10;

    private readonly TableClient _table = account.Table(TableNames.Records);

    public static string PartitionOf(string communityId, int year, string memberId) =>
        $"{Keys.Id(communityId, nameof(communityId))}|{year:D4}|{Keys.Id(memberId, nameof(memberId))}";

    public static string RecordRow(string recordId) => $"r|{Keys.Id(recordId, nameof(recordId))}";

    /// <summary>Adds the record and its hours to the member-year tally in one transaction. Returns false if
    /// the record id was already recorded: hours are credited once per record id.
    /// In Azure the tally update carries If-Match, so two concurrent adds for one member-year cannot both
    /// build on the same tally (the loser re-reads and retries). Azurite ignores If-Match inside batch
    /// transactions (Azurite#1233), so there concurrent adds for one member-year can lose a tally update;
    /// the record rows stay exact either way.</summary>
    public async Task<bool> AddAsync(ServiceRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pk = PartitionOf(record.Location.CommunityId, record.ServedOn.Year, record.MemberId);
        var recordRow = ToEntity(pk, record);
        for (var attempt = 0; attempt < AddTries; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(pk, TallyRow, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var tally = existing.HasValue && existing.Value is { } t
                ? ToTally(t)
                : new MemberTally(record.Location.CommunityId, record.ServedOn.Year, record.MemberId, 0, 0, 0, 0, 0);
            var next = tally with
            {
                HalfHours = tally.HalfHours + record.HalfHours,
                Services = tally.Services + (record.IsCorrection ? 0 : 1),
                Wishes = tally.Wishes + (record.IsWish && !record.IsCorrection ? 1 : 0),
                RatingSum = tally.RatingSum + (record.Rating ?? 0),
                RatingCount = tally.RatingCount + (record.Rating is null ? 0 : 1),
            };
            var tallyRow = ToEntity(pk, next);
            var tallyAction = existing.HasValue && existing.Value is { } old
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, tallyRow, old.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, tallyRow);
            try
            {
                await _table.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.Add, recordRow), tallyAction],
                    cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.IsConflict() || e.IsPreconditionFailed())
            {
                // 409: the record exists (already credited), or another add created the tally first.
                // 412: another add changed the tally. Which one is told by whether the record row exists.
                var recorded = await _table.GetEntityIfExistsAsync<TableEntity>(pk, recordRow.RowKey, ["RecordId"], cancellationToken)
                    .ConfigureAwait(false);
                if (recorded.HasValue)
                {
                    return false;
                }
            }
        }

        throw new ConcurrencyConflictException($"Service record {record.RecordId}: tally kept changing.");
    }

    /// <summary>The member's records of the year, in record id order.</summary>
    public async Task<IReadOnlyList<ServiceRecord>> ListForMemberAsync(
        string communityId,
        int year,
        string memberId,
        CancellationToken cancellationToken = default)
    {
        var pk = PartitionOf(communityId, year, memberId);
        var from = "r|";
        var to = Keys.PrefixEnd(from);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to}");
        var list = new List<ServiceRecord>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["Json"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            list.Add(Json.Read<ServiceRecord>(e.GetString("Json"), "Json"));
        }

        return list;
    }

    public async Task<MemberTally?> GetTallyAsync(string communityId, int year, string memberId, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            PartitionOf(communityId, year, memberId), TallyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } e ? ToTally(e) : null;
    }

    /// <summary>Every member's tally for the community and year: a partition-key range query
    /// (PK ge "{c}|{y}|" and lt "{c}|{y}}") filtered to the tally rows, ordered by member id.</summary>
    public async Task<IReadOnlyList<MemberTally>> TalliesAsync(string communityId, int year, CancellationToken cancellationToken = default)
    {
        var from = $"{Keys.Id(communityId, nameof(communityId))}|{year:D4}|";
        var to = Keys.PrefixEnd(from);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and RowKey eq {TallyRow}");
        var list = new List<MemberTally>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToTally(e));
        }

        return list;
    }

    private static TableEntity ToEntity(string pk, ServiceRecord r) => new(pk, RecordRow(r.RecordId))
    {
        ["RecordId"] = r.RecordId,
        ["OrderId"] = r.OrderId,
        ["MemberId"] = r.MemberId,
        ["CommunityId"] = r.Location.CommunityId,
        ["GridId"] = r.Location.GridId,
        ["BuildingId"] = r.Location.BuildingId,
        ["Category"] = r.Category.ToString(),
        ["IsWish"] = r.IsWish,
        ["HalfHours"] = r.HalfHours,
        ["ServedOn"] = r.ServedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ConfirmedAt"] = r.ConfirmedAt,
        ["ConfirmedBy"] = r.ConfirmedBy.ToString(),
        ["Rating"] = r.Rating,
        ["CorrectsRecordId"] = r.CorrectsRecordId,
        ["Reason"] = r.Reason,
        ["Json"] = Json.Write(r),
    };

    private static TableEntity ToEntity(string pk, MemberTally t) => new(pk, TallyRow)
    {
        ["CommunityId"] = t.CommunityId,
        ["Year"] = t.Year,
        ["MemberId"] = t.MemberId,
        ["HalfHours"] = t.HalfHours,
        ["Services"] = t.Services,
        ["Wishes"] = t.Wishes,
        ["RatingSum"] = t.RatingSum,
        ["RatingCount"] = t.RatingCount,
    };

    private static MemberTally ToTally(TableEntity e)
    {
        var parts = e.PartitionKey.Split('|');
        return new MemberTally(
            e.GetString("CommunityId") ?? parts[0],
            e.GetInt32("Year") ?? int.Parse(parts[1], CultureInfo.InvariantCulture),
            e.GetString("MemberId") ?? parts[2],
            e.GetInt32("HalfHours") ?? 0,
            e.GetInt32("Services") ?? 0,
            e.GetInt32("Wishes") ?? 0,
            e.GetInt32("RatingSum") ?? 0,
            e.GetInt32("RatingCount") ?? 0);
    }
}
