namespace Dispatch.Core.Tallies;

public enum RollUpLevel
{
    Community,
    Grid,
    Building,
}

/// <summary>Totals of the members counted under one community, grid or building.
/// <see cref="QuotaMetShare"/> is QuotaMet / Members (0–1, four decimals; 0 with no members).</summary>
public sealed record RollUp(
    RollUpLevel Level,
    string Id,
    string? GridId,
    int Members,
    int HalfHours,
    int Services,
    int Wishes,
    int Posts,
    decimal Points,
    int QuotaMet)
{
    public decimal Hours => HalfHours / 2m;

    public decimal QuotaMetShare => Members == 0 ? 0 : Math.Round((decimal)QuotaMet / Members, 4);
}

/// <summary>The community total, then one roll-up per grid and per building, ordered by id.</summary>
public sealed record TallyRollUps(RollUp Community, IReadOnlyList<RollUp> Grids, IReadOnlyList<RollUp> Buildings);

/// <summary>A community's year: every counted member's tally and the roll-ups.</summary>
public sealed record TallyReport(string CommunityId, int Year, PointsRules Rules, IReadOnlyList<AnnualTally> Tallies, TallyRollUps RollUps);
