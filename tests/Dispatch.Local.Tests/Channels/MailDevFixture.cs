using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Channels;

/// <summary>A local SMTP server with an HTTP API for what it received (npm maildev), on free loopback ports; the
/// host's Smtp:* settings point at it.</summary>
public sealed class MailDevFixture : IAsyncLifetime
{
    private NodeService? _service;
    private readonly string _folder = Directory.CreateTempSubdirectory("dispatch-maildev-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public int SmtpPort { get; private set; }

    public Uri Api { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "社区志愿服务 <noreply@dispatch.test>",
    };

    public async Task InitializeAsync()
    {
        var ports = LoopbackPorts.Free(2);
        SmtpPort = ports[0];
        Api = new Uri($"http://127.0.0.1:{ports[1]}/");
        _service = await NodeService.StartAsync(
            "node_modules/maildev/dist/bin/maildev.js",
            ["--smtp", $"{ports[0]}", "--web", $"{ports[1]}", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--mail-directory", _folder, "--silent"],
            new Uri(Api, "api/healthz"));
    }

    /// <summary>The mails received for <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> ToAsync(string to)
    {
        var all = await _http.GetFromJsonAsync<ReceivedMail[]>(new Uri(Api, "api/email")) ?? [];
        return [.. all.Where(m => m.Envelope.To.Any(a => a.Address == to))];
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public sealed record ReceivedMail(string Subject, string Text, MailEnvelope Envelope);

    public sealed record MailEnvelope([property: JsonPropertyName("to")] MailAddress[] To);

    public sealed record MailAddress(string Address);
}
