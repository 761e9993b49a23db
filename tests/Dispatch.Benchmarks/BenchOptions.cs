using System.Globalization;

namespace Dispatch.Benchmarks;

/// <summary>Command line: --cycles N (200), --seconds S (300), --warmup W (5), --seed X (42),
/// --urgent-share F (0.5),
/// --trace (list the storage requests of the first measured cycle).</summary>
public sealed record BenchOptions(int Cycles, TimeSpan Limit, int Warmup, int Seed, double UrgentShare, bool Trace = false)
{
    public const string Usage =
        "dotnet run -c Release --project tests/Dispatch.Benchmarks -- [--cycles 200] [--seconds 300] [--warmup 5] [--seed 42] [--urgent-share 0.5] [--trace]";

    public static BenchOptions Parse(string[] args)
    {
        var cycles = 200;
        var seconds = 300.0;
        var warmup = 5;
        var seed = 42;
        var urgentShare = 0.5;
        var trace = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--cycles":
                    cycles = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    seconds = double.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--warmup":
                    warmup = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    seed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--urgent-share":
                    urgentShare = double.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--trace":
                    trace = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }

        if (cycles < 1 || seconds <= 0 || warmup < 0 || urgentShare is < 0 or > 1)
        {
            throw new ArgumentException("--cycles ≥ 1, --seconds > 0, --warmup ≥ 0, 0 ≤ --urgent-share ≤ 1.");
        }

        return new BenchOptions(cycles, TimeSpan.FromSeconds(seconds), warmup, seed, urgentShare, trace);
    }
}
