using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>The <c>org</c> table: the organization tree, one partition per community. Rows: "c" the
/// community, "g|{gridId}" grids, "b|{gridId}|{buildingId}" buildings, "o|{organizerId}" organizers. The district's
/// administrators are rows "a|{administratorId}" of the partition <see cref="DistrictPartition"/>.</summary>
public sealed class OrgDirectory(StorageAccount account)
{
    public const string CommunityRow = "c";

    /// <summary>The partition of the district's own rows (administrators); "~" keeps it out of community ids' way.</summary>
    public const string DistrictPartition = "~district";

    private readonly TableClient _table = account.Table(TableNames.Org);

    public Task UpsertCommunityAsync(Community community, CancellationToken cancellationToken = default) =>
        UpsertAsync(ToEntity(community), cancellationToken);

    public Task UpsertGridAsync(Grid grid, CancellationToken cancellationToken = default) =>
        UpsertAsync(ToEntity(grid), cancellationToken);

    public Task UpsertBuildingAsync(Building building, CancellationToken cancellationToken = default) =>
        UpsertAsync(ToEntity(building), cancellationToken);

    public Task UpsertOrganizerAsync(Organizer organizer, CancellationToken cancellationToken = default) =>
        UpsertAsync(ToEntity(organizer), cancellationToken);

    public Task UpsertAdministratorAsync(Administrator administrator, CancellationToken cancellationToken = default) =>
        UpsertAsync(ToEntity(administrator), cancellationToken);

    public async Task<IReadOnlyList<Administrator>> ListAdministratorsAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<Administrator>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DistrictPartition} and RowKey ge {"a|"} and RowKey lt {Keys.PrefixEnd("a|")}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Administrator(e.RowKey[2..], e.GetString("Name") ?? "", e.GetString("Phone") ?? ""));
        }

        return list;
    }

    /// <summary>Writes a whole community tree (community, grids, buildings) in 100-row transactions.</summary>
    public async Task UpsertTreeAsync(CommunityDirectory tree, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var rows = new List<TableEntity> { ToEntity(tree.Community) };
        rows.AddRange(tree.Grids.Select(ToEntity));
        rows.AddRange(tree.Buildings.Select(ToEntity));
        if (rows.Any(r => r.PartitionKey != tree.Community.CommunityId))
        {
            throw new ArgumentException("Every grid and building must belong to the community.", nameof(tree));
        }

        foreach (var chunk in rows.Chunk(MemberStore.BatchSize))
        {
            await _table.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The community with its grids and buildings (one partition scan), or null.</summary>
    public async Task<CommunityDirectory?> GetCommunityAsync(string communityId, CancellationToken cancellationToken = default)
    {
        Keys.Id(communityId, nameof(communityId));
        Community? community = null;
        var grids = new List<Grid>();
        var buildings = new List<Building>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {communityId}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var parts = e.RowKey.Split('|');
            switch (parts[0])
            {
                case CommunityRow:
                    community = ToCommunity(e);
                    break;
                case "g" when parts.Length == 2:
                    grids.Add(new Grid(communityId, parts[1], e.GetString("NameZh") ?? "", e.GetString("NameEn") ?? ""));
                    break;
                case "b" when parts.Length == 3:
                    buildings.Add(new Building(communityId, parts[1], parts[2], e.GetString("NameZh") ?? "", e.GetString("NameEn") ?? ""));
                    break;
            }
        }

        return community is null ? null : new CommunityDirectory(community, grids, buildings);
    }

    /// <summary>Every community (a table scan filtered to the "c" rows; communities are few).</summary>
    public async Task<IReadOnlyList<Community>> ListCommunitiesAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<Community>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CommunityRow}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToCommunity(e));
        }

        return list;
    }

    public async Task<IReadOnlyList<Organizer>> ListOrganizersAsync(string communityId, CancellationToken cancellationToken = default)
    {
        Keys.Id(communityId, nameof(communityId));
        var list = new List<Organizer>();
        var from = "o|";
        var to = Keys.PrefixEnd(from);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {communityId} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Organizer(communityId, e.RowKey[from.Length..], e.GetString("Name") ?? "", e.GetString("Phone"), e.GetString("GridId")));
        }

        return list;
    }

    private async Task UpsertAsync(TableEntity entity, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    private static Community ToCommunity(TableEntity e) =>
        new(e.PartitionKey, e.GetString("NameZh") ?? "", e.GetString("NameEn") ?? "");

    private static TableEntity ToEntity(Community c) =>
        new(Keys.Id(c.CommunityId, nameof(c.CommunityId)), CommunityRow) { ["NameZh"] = c.NameZh, ["NameEn"] = c.NameEn };

    private static TableEntity ToEntity(Grid g) =>
        new(Keys.Id(g.CommunityId, nameof(g.CommunityId)), $"g|{Keys.Id(g.GridId, nameof(g.GridId))}")
        {
            ["NameZh"] = g.NameZh,
            ["NameEn"] = g.NameEn,
        };

    private static TableEntity ToEntity(Building b) =>
        new(Keys.Id(b.CommunityId, nameof(b.CommunityId)),
            $"b|{Keys.Id(b.GridId, nameof(b.GridId))}|{Keys.Id(b.BuildingId, nameof(b.BuildingId))}")
        {
            ["NameZh"] = b.NameZh,
            ["NameEn"] = b.NameEn,
        };

    private static TableEntity ToEntity(Organizer o) =>
        new(Keys.Id(o.CommunityId, nameof(o.CommunityId)), $"o|{Keys.Id(o.OrganizerId, nameof(o.OrganizerId))}")
        {
            ["Name"] = o.Name,
            ["Phone"] = o.Phone,
            ["GridId"] = o.GridId,
        };

    private static TableEntity ToEntity(Administrator a) =>
        new(DistrictPartition, $"a|{Keys.Id(a.AdministratorId, nameof(a.AdministratorId))}")
        {
            ["Name"] = a.Name,
            ["Phone"] = a.Phone,
        };
}
