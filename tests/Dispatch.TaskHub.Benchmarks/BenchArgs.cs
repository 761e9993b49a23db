using System.Globalization;

namespace Dispatch.TaskHub.Benchmarks;

/// <summary>--orders N (per variant, 5), --idle SECONDS (60: the idle count), --gap SECONDS (15: idle before each
/// plain order, for the first-offer time), and to compare settings with host.json's:
/// --poll hh:mm:ss (maxQueuePollingInterval), --partitions N (partitionCount).</summary>
public sealed record BenchArgs(int Orders, TimeSpan Idle, TimeSpan Gap, TimeSpan? Poll, int? Partitions)
{
    public const string Usage = "dotnet run -c Release -p:DispatchServiceBusTrigger=false --project tests/Dispatch.TaskHub.Benchmarks -- "
                                + "[--orders 5] [--idle 60] [--gap 15] [--poll 00:00:01] [--partitions 1]";

    public bool Overrides => Poll is not null || Partitions is not null;

    public HubSettings Apply(HubSettings settings) => settings with
    {
        MaxQueuePollingInterval = Poll ?? settings.MaxQueuePollingInterval,
        PartitionCount = Partitions ?? settings.PartitionCount,
    };

    /// <summary>The options, or null after saying on stderr what is wrong and how to call it.</summary>
    public static BenchArgs? ParseOrExplain(string[] args)
    {
        try
        {
            return Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message + Environment.NewLine + "Usage: " + Usage);
            return null;
        }
    }

    public static BenchArgs Parse(string[] args)
    {
        var parsed = new BenchArgs(5, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(15), null, null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            parsed = args[i] switch
            {
                "--orders" => parsed with { Orders = Positive(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--idle" => parsed with { Idle = TimeSpan.FromSeconds(Positive(int.Parse(value, CultureInfo.InvariantCulture))) },
                "--gap" => parsed with { Gap = TimeSpan.FromSeconds(Positive(int.Parse(value, CultureInfo.InvariantCulture))) },
                "--poll" => parsed with { Poll = TimeSpan.Parse(value, CultureInfo.InvariantCulture) },
                "--partitions" => parsed with { Partitions = Positive(int.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
            i++;
        }

        return parsed;
    }

    private static int Positive(int n) => n > 0 ? n : throw new ArgumentException("Values must be positive.");
}
