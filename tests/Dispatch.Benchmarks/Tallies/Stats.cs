using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Benchmarks.Tallies;

/// <summary>Small helpers: nearest-rank percentiles, timing with allocated bytes, number formats.</summary>
internal static class Stats
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Nearest-rank percentile (NaN when empty).</summary>
    public static double P(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Runs <paramref name="work"/> on this thread after a full collection; returns its result, the
    /// elapsed time and the bytes this thread allocated meanwhile.</summary>
    public static (T Result, TimeSpan Elapsed, long Allocated) Measure<T>(Func<T> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = work();
        watch.Stop();
        return (result, watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "0", Inv);

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString(t.TotalSeconds < 10 ? "0.00" : "0.0", Inv);

    public static string N(double value) => value.ToString("#,0", Inv);

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("#,0.0", Inv) + " MiB";

    public static string Rate(double count, TimeSpan t) => N(t.TotalSeconds > 0 ? count / t.TotalSeconds : 0);

    public static string Duration(double seconds) => seconds switch
    {
        < 120 => seconds.ToString("0.0", Inv) + " s",
        < 7200 => (seconds / 60).ToString("0.0", Inv) + " min",
        _ => (seconds / 3600).ToString("0.0", Inv) + " h",
    };
}
