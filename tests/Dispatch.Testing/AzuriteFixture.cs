using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace Dispatch.Testing;

/// <summary>A real Azurite (node_modules/.bin/azurite at the repo root) on free loopback ports, in a temp
/// folder, for one test assembly (use it as a collection fixture: the collection definition must live in
/// the test assembly). With DISPATCH_AZURITE_CONNECTION set, that Azurite is used instead and nothing is
/// started.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionVariable = "DISPATCH_AZURITE_CONNECTION";
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public, documented; not a secret).</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Lock _outputGate = new();
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>The connection string of the running Azurite.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>True when DISPATCH_AZURITE_CONNECTION pointed at an Azurite started by someone else.</summary>
    public bool IsExternal { get; private set; }

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    /// <summary>Keeps Azurite's data in memory only (<c>--inMemoryPersistence</c>): no save of the whole database
    /// every 5 s, which stalls a store of several hundred thousand rows (benchmarks); nothing survives a restart.</summary>
    public bool InMemoryPersistence { get; init; }

    /// <summary>The folder Azurite keeps its data in (null for an external Azurite).</summary>
    public string? Location { get; private set; }

    /// <summary>A fresh table/queue name prefix ("t" + 8 hex digits), so tests sharing one Azurite do not
    /// see each other's data.</summary>
    public static string NewPrefix() => "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            IsExternal = true;
            ConnectionString = external;
            return;
        }

        var ports = LoopbackPorts.Free(3);
        (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
        Location = Directory.CreateTempSubdirectory("dispatch-azurite-").FullName;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};"
            + $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};"
            + $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";
        await StartAsync().ConfigureAwait(false);
    }

    /// <summary>Stops Azurite and starts it again on the same ports and data folder. With
    /// <paramref name="graceful"/> (the default) Azurite is asked to stop (SIGTERM) and saves its data, so
    /// everything written survives. Without, it is killed like a crash: Azurite saves its tables and
    /// queues every 5 s, so the last seconds of writes may be lost (real Azure storage loses nothing).</summary>
    public async Task RestartAsync(bool graceful = true)
    {
        if (IsExternal)
        {
            throw new InvalidOperationException($"Cannot restart an external Azurite ({ConnectionVariable} is set).");
        }

        await StopAsync(graceful).ConfigureAwait(false);
        await StartAsync().ConfigureAwait(false);
    }

    /// <summary>Stops Azurite: asks it to save and exit (SIGTERM, bounded to 10 s) when
    /// <paramref name="graceful"/>, then kills whatever is left of the process tree.
    /// <see cref="RestartAsync"/> brings it back.</summary>
    public async Task StopAsync(bool graceful = false)
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (graceful && !process.HasExited && !OperatingSystem.IsWindows())
            {
                await SignalAsync(process.Id, "TERM").ConfigureAwait(false);
                using var polite = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(polite.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Did not stop in time: killed below.
                }
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (Location is { } location)
        {
            try
            {
                Directory.Delete(location, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>The folder holding Dispatch.sln, found by walking up from the test binaries.</summary>
    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Dispatch.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>What Azurite printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_outputGate)
            {
                return _output.ToString();
            }
        }
    }

    private async Task StartAsync()
    {
        var root = FindRepoRoot();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite not found at {azurite}: run npm ci at the repo root.");
        }

        var start = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in new[]
                 {
                     "--silent", "--disableTelemetry", "--skipApiVersionCheck",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", $"{BlobPort}", "--queuePort", $"{QueuePort}", "--tablePort", $"{TablePort}",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        // Azurite refuses a data folder with in-memory persistence.
        start.ArgumentList.Add(InMemoryPersistence ? "--inMemoryPersistence" : "--location");
        if (!InMemoryPersistence)
        {
            start.ArgumentList.Add(Location!);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Azurite did not start from {azurite}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { TablePort, QueuePort, BlobPort })
        {
            while (!await AcceptsAsync(port).ConfigureAwait(false))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}: {Output}");
                }

                if (deadline.Elapsed > StartTimeout)
                {
                    await StopAsync().ConfigureAwait(false);
                    throw new TimeoutException($"Azurite did not accept connections on port {port} within {StartTimeout.TotalSeconds} s: {Output}");
                }

                await Task.Delay(50).ConfigureAwait(false);
            }
        }
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", $"{pid}" }, UseShellExecute = false });
        if (kill is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await kill.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            if (_output.Length < 64_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
