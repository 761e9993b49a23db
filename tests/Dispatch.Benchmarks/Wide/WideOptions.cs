using System.Globalization;

namespace Dispatch.Benchmarks.Wide;

/// <summary>Command line of the <c>wide</c> mode (see <see cref="Usage"/>): a district of <see cref="Communities"/>
/// communities (the demo community one of them) with <see cref="Members"/> members in all, and <see cref="OpenOrders"/>
/// accepted, not yet closed orders spread evenly over them.</summary>
public sealed record WideOptions(
    int Cycles,
    int Warmup,
    int Seed,
    int Members,
    int Communities,
    int OpenOrders,
    int LoadConcurrency,
    bool OnDisk,
    bool Trace)
{
    public const string Usage =
        "dotnet run -c Release --project tests/Dispatch.Benchmarks -- wide [--cycles 100] [--warmup 5] [--seed 42] "
        + "[--members 100000] [--communities 50] [--open-orders 2000] [--load-concurrency 4] [--on-disk] [--trace]";

    public int MembersPerCommunity => Members / Communities;

    public static WideOptions Parse(string[] args)
    {
        var o = new WideOptions(100, 5, 42, 100_000, 50, 2_000, 4, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--cycles" => o with { Cycles = Int() },
                "--warmup" => o with { Warmup = Int() },
                "--seed" => o with { Seed = Int() },
                "--members" => o with { Members = Int() },
                "--communities" => o with { Communities = Int() },
                "--open-orders" => o with { OpenOrders = Int() },
                "--load-concurrency" => o with { LoadConcurrency = Int() },
                "--on-disk" => o with { OnDisk = true },
                "--trace" => o with { Trace = true },
                _ => throw new ArgumentException($"Unknown argument {args[i]}."),
            };
        }

        if (o.Cycles < 1 || o.Warmup < 0 || o.Communities is < 1 or > 99 || o.OpenOrders < 0 || o.LoadConcurrency is < 1 or > 64)
        {
            throw new ArgumentException("--cycles ≥ 1, --warmup ≥ 0, 1 ≤ --communities ≤ 99, --open-orders ≥ 0, 1 ≤ --load-concurrency ≤ 64.");
        }

        if (o.MembersPerCommunity < 60 || o.MembersPerCommunity > 99_000)
        {
            throw new ArgumentException("--members / --communities must be between 60 (above the demo community's 50) and 99,000.");
        }

        return o;
    }
}
