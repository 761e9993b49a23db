using System.Globalization;

namespace Dispatch.Benchmarks.Tallies;

/// <summary>Command line of the <c>tallies</c> mode (see <see cref="Usage"/>). The district is
/// <see cref="Communities"/> × <see cref="Grids"/> × <see cref="Buildings"/> buildings with
/// <see cref="Members"/> members spread evenly over them.</summary>
public sealed record TallyOptions(
    int Members,
    int Records,
    int Communities,
    int Grids,
    int Buildings,
    int Year,
    int Seed,
    int Runs,
    int WholeDistrictMaxMembers,
    bool SkipAzurite,
    int? AzuriteMembers,
    double BudgetMinutes,
    int ScaledMembers,
    int LoadConcurrency,
    int Sample,
    int SampleConcurrency,
    int? RecomputeCommunities = null,
    long AzuriteMaxEntities = 300_000)
{
    public const string Usage =
        "dotnet run -c Release --project tests/Dispatch.Benchmarks -- tallies [--members 100000] [--records 1000000] "
        + "[--communities 50] [--grids 8] [--buildings 10] [--year 2025] [--seed 42] [--runs 3] "
        + "[--whole-district-max-members N] [--no-azurite] [--azurite-members N] [--budget-minutes 10] "
        + "[--scaled-members 22000] [--load-concurrency 16] [--sample 2000] [--sample-concurrency 8] [--recompute-communities N (default: all loaded when scaled down, else 1)] [--azurite-max-entities 300000]";

    public int MembersPerCommunity => Members / Communities;

    public double RecordsPerMember => Records / (double)Members;

    public static TallyOptions Parse(string[] args)
    {
        // 22,000 members scaled: 11 communities, so the two-point figure has 10× the first community's records beside it.
        var o = new TallyOptions(100_000, 1_000_000, 50, 8, 10, 2025, 42, 3, int.MaxValue, false, null, 10, 22_000, 16, 2_000, 8);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--members" => o with { Members = Int() },
                "--records" => o with { Records = Int() },
                "--communities" => o with { Communities = Int() },
                "--grids" => o with { Grids = Int() },
                "--buildings" => o with { Buildings = Int() },
                "--year" => o with { Year = Int() },
                "--seed" => o with { Seed = Int() },
                "--runs" => o with { Runs = Int() },
                "--whole-district-max-members" => o with { WholeDistrictMaxMembers = Int() },
                "--no-azurite" => o with { SkipAzurite = true },
                "--azurite-members" => o with { AzuriteMembers = Int() },
                "--budget-minutes" => o with { BudgetMinutes = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--scaled-members" => o with { ScaledMembers = Int() },
                "--load-concurrency" => o with { LoadConcurrency = Int() },
                "--sample" => o with { Sample = Int() },
                "--sample-concurrency" => o with { SampleConcurrency = Int() },
                "--recompute-communities" => o with { RecomputeCommunities = Int() },
                "--azurite-max-entities" => o with { AzuriteMaxEntities = long.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown argument {args[i]}."),
            };
        }

        if (o.Communities < 1 || o.Grids < 1 || o.Buildings < 1 || o.Members < o.Communities || o.Members % o.Communities != 0)
        {
            throw new ArgumentException("--communities, --grids, --buildings ≥ 1; --members a multiple of --communities.");
        }

        if (o.Records < 0 || o.Runs < 1 || o.Year is < 2000 or > 2100 || o.LoadConcurrency is < 1 or > 256
            || o.Sample < 0 || o.SampleConcurrency is < 1 or > 256 || o.BudgetMinutes <= 0 || o.WholeDistrictMaxMembers < 0)
        {
            throw new ArgumentException("--records ≥ 0, --runs ≥ 1, 2000 ≤ --year ≤ 2100, 1 ≤ --load-concurrency ≤ 256, --sample ≥ 0, "
                                        + "1 ≤ --sample-concurrency ≤ 256, --budget-minutes > 0.");
        }

        if (o.AzuriteMembers is { } a && (a < o.MembersPerCommunity || a > o.Members))
        {
            throw new ArgumentException($"--azurite-members must be between one community ({o.MembersPerCommunity}) and --members.");
        }

        if (o.RecomputeCommunities is < 1)
        {
            throw new ArgumentException("--recompute-communities ≥ 1.");
        }

        if (o.ScaledMembers < o.MembersPerCommunity)
        {
            throw new ArgumentException($"--scaled-members must hold at least one community ({o.MembersPerCommunity}).");
        }

        return o;
    }
}
