using System.Collections.Immutable;
using Azure.Data.Tables;
using Dispatch.Core.Members;

namespace Dispatch.Storage;

/// <summary>The <c>members</c> table: partition = community id (a member reports to one community),
/// row = member id. Skills and linked households are comma-separated, availability slots are JSON.</summary>
public sealed class MemberStore(StorageAccount account)
{
    public const int BatchSize = 100;

    private readonly TableClient _table = account.Table(TableNames.Members);

    public async Task UpsertAsync(Member member, CancellationToken cancellationToken = default)
    {
        await _table.UpsertEntityAsync(ToEntity(member), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Upserts many members in transactions of up to 100 rows of one community each (demo data,
    /// benchmarks). Each batch is atomic; batches are not atomic with each other.</summary>
    public async Task UpsertManyAsync(IEnumerable<Member> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var community in members.Select(ToEntity).GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            // A batch may hold a row key once: the last write of a member wins, as with single upserts.
            var rows = community.GroupBy(e => e.RowKey, StringComparer.Ordinal).Select(g => g.Last());
            foreach (var chunk in rows.Chunk(BatchSize))
            {
                await _table.SubmitTransactionAsync(
                    chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<Member?> GetAsync(string communityId, string memberId, CancellationToken cancellationToken = default)
    {
        Keys.Id(communityId, nameof(communityId));
        Keys.Id(memberId, nameof(memberId));
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(communityId, memberId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue && response.Value is { } e ? ToMember(e) : null;
    }

    /// <summary>Every member of the community (one partition scan), ordered by member id.</summary>
    public async Task<IReadOnlyList<Member>> ListAsync(string communityId, CancellationToken cancellationToken = default)
    {
        Keys.Id(communityId, nameof(communityId));
        var list = new List<Member>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {communityId}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToMember(e));
        }

        return list;
    }

    private static TableEntity ToEntity(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var home = member.Home;
        Keys.Id(home.CommunityId, "Home.CommunityId");
        Keys.Id(member.MemberId, nameof(member.MemberId));
        foreach (var household in member.Households)
        {
            Keys.Id(household, "LinkedHouseholds");
        }

        return new TableEntity(home.CommunityId, member.MemberId)
        {
            ["Name"] = member.Name,
            ["Phone"] = member.Phone,
            ["GridId"] = home.GridId,
            ["BuildingId"] = home.BuildingId,
            ["HouseholdId"] = home.HouseholdId,
            ["Skills"] = string.Join(',', member.Skills.Select(s => s.ToString()).Order(StringComparer.Ordinal)),
            ["Availability"] = Json.Write(member.Availability.Slots.IsDefault ? [] : member.Availability.Slots),
            ["Active"] = member.Active,
            ["LinkedHouseholds"] = member.LinkedHouseholds is null
                ? null
                : string.Join(',', member.LinkedHouseholds.Order(StringComparer.Ordinal)),
        };
    }

    private static Member ToMember(TableEntity e)
    {
        var skills = Split(e.GetString("Skills")).Select(Enum.Parse<ServiceCategory>).ToImmutableHashSet();
        var slots = Json.Read<ImmutableArray<WeeklySlot>>(e.GetString("Availability") ?? "[]", "Availability");
        var households = e.GetString("LinkedHouseholds") is { } h ? Split(h).ToImmutableHashSet() : null;
        return new Member(
            e.RowKey,
            e.GetString("Name") ?? "",
            e.GetString("Phone") ?? "",
            new Location(e.PartitionKey, e.GetString("GridId") ?? "", e.GetString("BuildingId") ?? "", e.GetString("HouseholdId")),
            skills,
            slots.IsDefaultOrEmpty ? Availability.AnyTime : new Availability(slots),
            e.GetBoolean("Active") ?? true,
            households);
    }

    private static IEnumerable<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
