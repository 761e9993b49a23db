using System.Diagnostics;
using System.Text;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Channels;

/// <summary>A Node test service from the repository's node_modules (npm ci installs them), started on loopback with a
/// bounded wait until it answers, and killed (with its children) at the end — like the Azurite fixture.</summary>
public sealed class NodeService : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private NodeService(Process process) => _process = process;

    /// <param name="script">A path under the repository root.</param>
    /// <param name="ready">Polled (GET or POST per <paramref name="post"/>) until it answers 2xx.</param>
    public static async Task<NodeService> StartAsync(string script, IEnumerable<string> args, Uri ready, bool post = false, string? preload = null)
    {
        var root = AzuriteFixture.FindRepoRoot();
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        if (preload is not null)
        {
            info.ArgumentList.Add("-r");
            info.ArgumentList.Add(Path.Combine(root, preload));
        }

        info.ArgumentList.Add(Path.Combine(root, script));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var service = new NodeService(Process.Start(info) ?? throw new InvalidOperationException("node did not start"));
        service._process.OutputDataReceived += (_, e) => service.Append(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTimeOffset.UtcNow + StartTimeout;
        for (var poll = 0; poll < 600 && DateTimeOffset.UtcNow < until; poll++)
        {
            if (service._process.HasExited)
            {
                break;
            }

            try
            {
                using var response = post ? await http.PostAsync(ready, null) : await http.GetAsync(ready);
                if (response.IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        var output = service.Output;
        await service.DisposeAsync();
        throw new InvalidOperationException($"{script} did not answer at {ready} within {StartTimeout.TotalSeconds} s:\n{output}");
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
