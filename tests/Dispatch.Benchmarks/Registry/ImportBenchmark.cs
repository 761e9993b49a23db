using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Testing;

namespace Dispatch.Benchmarks.Registry;

/// <summary><c>import [--rows N]</c>: one CSV of N members (default 10,000) in the demo community, previewed,
/// imported, and imported again, over HTTP against the local host on its own Azurite. Prints times and storage
/// requests; no timing is asserted, but the counts are checked (all added once, nothing the second time).</summary>
public static class ImportBenchmark
{
    public const string Command = "import";

    private static readonly string[] Categories = ["助老服务", "小修小补", "跑腿代办", "课业辅导", "法律政策咨询", "健康检查", "走访探望", "其他"];
    private static readonly string[] Times = ["任何时间", "工作日晚上", "周末白天", "周一18-21、周六8-12"];

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args is ["--rows", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 10_000;
        Console.WriteLine($"Dispatch import benchmark: {rows} members as CSV, preview, import, import again (local host on Azurite)");
        await BenchEnvironment.PrintMachineAsync();
        var azurite = new AzuriteFixture();
        try
        {
            await azurite.InitializeAsync();
            var (tablePort, queuePort, blobPort) = BenchEnvironment.PortsOf(azurite);
            using var meter = new StorageMeter(tablePort, queuePort, blobPort);
            await using var host = await BenchHost.StartAsync(azurite);
            var token = host.Links.OrganizerToken("org-wang", "hubin");
            // An import of many rows is one long request: longer than the cycle benchmark's 60 s client timeout.
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
            var csv = File(rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"File:     {Encoding.UTF8.GetByteCount(csv) / 1024.0:0} KB"));

            var preview = await StepAsync(http, meter, token, RegistryRoutes.ImportPreview, csv, "preview");
            var first = await StepAsync(http, meter, token, RegistryRoutes.Import, csv, "import");
            var again = await StepAsync(http, meter, token, RegistryRoutes.Import, csv, "again");
            if (preview.New != rows || first.Added != rows || again.Added != 0 || again.Existing != rows || first.Errors.Count != 0)
            {
                Console.Error.WriteLine($"Unexpected counts: preview new {preview.New}, added {first.Added}, again added {again.Added}, errors {first.Errors.Count}");
                return 1;
            }

            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<ImportReport> StepAsync(HttpClient http, StorageMeter meter, string token, string route, string csv, string name)
    {
        meter.Reset();
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new CycleFailedException($"{route} → {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        }

        var report = JsonSerializer.Deserialize<ImportReport>(text, CoreJson.Options)!;
        var calls = meter.Read();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-9} {watch.Elapsed.TotalSeconds,6:0.00} s  rows {report.Rows}, new {report.New}, added {report.Added}, existing {report.Existing}; "
            + $"{calls.Table} table requests{(report.Added > 0 ? $", {report.Added / watch.Elapsed.TotalSeconds:0} members/s" : "")}"));
        return report;
    }

    /// <summary>N distinct members over the demo community's 4 grids × 3 buildings, by their Chinese names.</summary>
    private static string File(int rows)
    {
        var csv = new StringBuilder("姓名,手机号,网格,楼栋,服务类别,可服务时间\r\n");
        string[] grids = ["第一网格", "第二网格", "第三网格", "第四网格"];
        for (var i = 0; i < rows; i++)
        {
            var grid = i % 4;
            var building = grid * 3 + 1 + (i / 4 % 3);
            csv.Append(CultureInfo.InvariantCulture,
                $"党员{i:D5},{15000000000L + i},{grids[grid]},{building}号楼,{Categories[i % 8]}、{Categories[(i * 3 + 1) % 8]},\"{Times[i % 4]}\"\r\n");
        }

        return csv.ToString();
    }
}
