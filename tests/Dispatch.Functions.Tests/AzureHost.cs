using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Dispatch.App.SignedLinks;
using Dispatch.App.SignIn;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;
using Dispatch.Core.Time;
using Dispatch.Functions.Assignments;
using Dispatch.Functions.Hosting;
using Dispatch.Functions.Http;
using Dispatch.Functions.Orders;
using Dispatch.Functions.Schedules;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Dispatch.Functions.Tests;

/// <summary>The Azure host in one process: the app's own wiring (AddDispatchFunctions) on a real Azurite
/// under a fresh table prefix, the REAL orchestrator and decider in Durable Task's in-process test host,
/// the real activities and HTTP functions. Only the Service Bus sender is replaced, by <see cref="RecordingSender"/>,
/// which behaves like the queue (duplicate detection by MessageId) and delivers through the same
/// <see cref="AssignmentDelivery"/> the Service Bus trigger uses. Durable timers run in real time: pass a
/// policy in seconds.</summary>
public sealed class AzureHost : IAsyncDisposable
{
    public const string CommunityId = "c1";
    /// <summary>The signing key of test hosts: base64 of 32 bytes, as a real key.</summary>
    public const string SigningKey = "ZGlzcGF0Y2gtYXp1cmUtaG9zdC10ZXN0LWtleS0zMmI=";

    private readonly DurableTaskTestHost _durable;
    private readonly ServiceProvider _services;

    private AzureHost(DurableTaskTestHost durable, ServiceProvider services, RecordingSender sender, Faults faults, ExecutionMeter executions, CapturedLogs logs)
    {
        _durable = durable;
        _services = services;
        Sender = sender;
        Faults = faults;
        Executions = executions;
        Logs = logs;
    }

    /// <summary>Everything the app and the Durable test host logged, at every level.</summary>
    public CapturedLogs Logs { get; }

    public DurableTaskClient Client => _durable.Client;

    public IServiceProvider Services => _services;

    public RecordingSender Sender { get; }

    public Faults Faults { get; }

    public ExecutionMeter Executions { get; }

    /// <summary>Every activity input and output, as the orchestration history records them (the in-process
    /// test host does not return history events).</summary>
    public IReadOnlyCollection<string> ActivityPayloads { get; private init; } = [];

    public OrderFunctions Orders => _services.GetRequiredService<OrderFunctions>();

    public MemberFunctions Members => _services.GetRequiredService<MemberFunctions>();

    public OrganizerFunctions Organizer => _services.GetRequiredService<OrganizerFunctions>();

    public PostFunctions Posts => _services.GetRequiredService<PostFunctions>();

    public TallyFunctions Tallies => _services.GetRequiredService<TallyFunctions>();

    public ReportFunctions Reports => _services.GetRequiredService<ReportFunctions>();

    public ProofFunctions Proofs => _services.GetRequiredService<ProofFunctions>();

    public Links Links => _services.GetRequiredService<Links>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static OrderPolicy FastPolicy { get; } = new()
    {
        OfferDeadline = TimeSpan.FromSeconds(4),
        UrgentOfferDeadline = TimeSpan.FromSeconds(4),
        OfferReminderBefore = TimeSpan.FromSeconds(2),
        UrgentOfferReminderBefore = TimeSpan.FromSeconds(2),
        MaxAttempts = 2,
        WishBoardPeriod = TimeSpan.FromSeconds(4),
        ConfirmReminderAfter = TimeSpan.FromMinutes(5),
        ConfirmEscalationAfter = TimeSpan.FromMinutes(10),
        // The cycle tests run on the real clock at any hour; night rules have their own tests.
        Quiet = QuietHours.None,
    };

    /// <summary>A policy whose offers do not run out during a test.</summary>
    public static OrderPolicy SlowPolicy { get; } = OrderPolicy.Default with { Quiet = QuietHours.None };

    /// <summary>Reminders at any hour: the order-cycle tests run on the real clock, whatever the time of day
    /// in China, and expect their offer reminders (quiet hours would hold them back, and an offer reminder
    /// held past its offer's deadline is dropped). The daily cap and once-per-key still apply.</summary>
    public static ReminderPolicy AnyHourReminders { get; } = ReminderPolicy.Default with { Quiet = QuietHours.None };

    /// <param name="clock">The app's clock (default: the system clock). Durable timers run in real time
    /// whatever it says.</param>
    /// <param name="reminders">The reminder policy (default: <see cref="AnyHourReminders"/>).</param>
    /// <param name="settings">Extra or replaced app settings ("ServiceBus" = null: the Storage-queue fallback).</param>
    /// <param name="recordSends">False: offers go through the app's own sender (Service Bus or the Storage
    /// queue, as the settings say) instead of <see cref="RecordingSender"/>.</param>
    /// <param name="durableHost">Starts the Durable host in place of the in-memory test host (the task hub
    /// benchmark runs the same orchestration on the Azure Storage backend).</param>
    public static async Task<AzureHost> StartAsync(
        AzuriteFixture azurite,
        OrderPolicy policy,
        ExecutionMeter? executions = null,
        TimeProvider? clock = null,
        ReminderPolicy? reminders = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        DeciderFor? deciders = null,
        bool recordSends = true,
        Func<Action<DurableTaskRegistry>, DurableTaskTestHostOptions, Task<DurableTaskTestHost>>? durableHost = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.NewPrefix(),
            ["Dispatch:SigningKey"] = SigningKey,
            ["Dispatch:PublicBaseUrl"] = "https://func.example",
            ["AssignmentsQueue"] = "assignments",
            // Tests place many orders from one (absent) address; RateLimitTests set their own low limits.
            ["RateLimits:PlaceOrderPerMinute"] = "100000",
            ["RateLimits:VerifyPerMinute"] = "100000",
            // Service Bus, as deployed: the client is created but (with the recording sender) never connects.
            ["ServiceBus"] = "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        executions ??= new ExecutionMeter();
        var faults = new Faults();
        var payloads = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        var logs = new CapturedLogs();
        services.AddLogging(b => b
            .AddProvider(logs)
            .AddConsole()
            .AddFilter<ConsoleLoggerProvider>(level => level >= LogLevel.Warning)
            .SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(new OrderDecider(policy));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        if (deciders is not null)
        {
            services.AddSingleton(deciders);
        }

        services.AddSingleton<RecordingSender>();
        if (recordSends)
        {
            services.AddSingleton<IAssignmentSender>(sp => sp.GetRequiredService<RecordingSender>());
        }

        // Sign-in codes go to the in-memory outbox the tests read, in place of an SMS provider.
        services.AddSingleton<CodeOutbox>();
        services.AddSingleton<ISignInCodeSender>(sp => sp.GetRequiredService<CodeOutbox>());
        services.AddDispatchFunctions(config);
        services.AddSingleton(reminders ?? AnyHourReminders); // after AddDispatchFunctions: the last registration wins
        // Every class holding HTTP functions, created from the app's services as the worker does.
        foreach (var type in ApiContractTests.HttpFunctions().Select(f => f.Method.DeclaringType!).Where(t => !t.IsAbstract).Distinct()) // static classes need no instance
        {
            services.AddSingleton(type);
        }

        services.AddSingleton<OrderActivities>();
        services.AddSingleton<ScheduledFunctions>();
        services.AddSingleton<PersonalDataErasureFunction>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<StorageAccount>().EnsureCreatedAsync();
        await SeedAsync(provider);

        var activities = provider.GetRequiredService<OrderActivities>();
        var startDurable = durableHost ?? ((registry, options) => DurableTaskTestHost.StartAsync(registry, options));
        var durable = await LoopbackPorts.StartOnFreePortAsync(port => startDurable(registry =>
        {
            registry.AddOrchestratorFunc<OrderRun, string>(OrderOrchestration.Name, (TaskOrchestrationContext ctx, OrderRun run) =>
            {
                executions.Count(OrderOrchestration.Name);
                return OrderOrchestration.RunAsync(ctx, run);
            });
            Activity<DecideInput, DecideResult>(OrderActivities.Decide, activities.DecideAsync);
            Ack<StallNotice>(OrderActivities.ReportStall, activities.ReportStallAsync);
            Activity<string, PendingEvents>(OrderActivities.PendingEvents, activities.PendingEventsAsync);
            Activity<FindCandidateInput, OrderEvent>(OrderActivities.FindCandidate, activities.FindCandidateAsync);
            Ack<SendOffer>(OrderActivities.SendOffer, activities.SendOfferAsync);
            Ack<OrderEffect>(OrderActivities.Notify, activities.NotifyAsync);
            Ack<RecordService>(OrderActivities.RecordService, activities.RecordServiceAsync);

            void Activity<TIn, TOut>(string name, Func<TIn, CancellationToken, Task<TOut>> run) =>
                registry.AddActivityFunc<TIn, TOut>(name, async (TaskActivityContext ctx, TIn input) =>
                {
                    executions.Count(name);
                    payloads.Enqueue(DurableJson.Write(input));
                    faults.Before(name);
                    var result = await run(input, CancellationToken.None);
                    faults.After(name);
                    payloads.Enqueue(DurableJson.Write(result));
                    return result;
                });

            // Activities without an output.
            void Ack<TIn>(string name, Func<TIn, CancellationToken, Task> run) =>
                Activity<TIn, string?>(name, async (input, ct) =>
                {
                    await run(input, ct);
                    return null;
                });
        }, new DurableTaskTestHostOptions
        {
            Port = port,
            LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
            // The production converter (FunctionsHostExtensions sets its serializer as the worker's).
            ConfigureServices = s =>
            {
                s.Configure<DurableTaskWorkerOptions>(o => o.DataConverter = DurableJson.Converter);
                s.Configure<DurableTaskClientOptions>(o => o.DataConverter = DurableJson.Converter);
            },
        }));

        var sender = provider.GetRequiredService<RecordingSender>();
        return new AzureHost(durable, provider, sender, faults, executions, logs) { ActivityPayloads = payloads };
    }

    /// <summary>A second community, with one grid and building and no members.</summary>
    public const string OtherCommunityId = "c2";

    private static async Task SeedAsync(IServiceProvider services)
    {
        var org = services.GetRequiredService<OrgDirectory>();
        await org.UpsertTreeAsync(new CommunityDirectory(
            new Community(CommunityId, "清名桥社区", "Qingmingqiao"),
            [new Grid(CommunityId, "g1", "一网格", "Grid 1"), new Grid(CommunityId, "g2", "二网格", "Grid 2")],
            [new Building(CommunityId, "g1", "b1", "1幢", "Building 1"), new Building(CommunityId, "g1", "b2", "2幢", "Building 2"),
             new Building(CommunityId, "g2", "b9", "9幢", "Building 9")]));
        await org.UpsertTreeAsync(new CommunityDirectory(
            new Community(OtherCommunityId, "南长街社区", "Nanchang Street"),
            [new Grid(OtherCommunityId, "g1", "一网格", "Grid 1")],
            [new Building(OtherCommunityId, "g1", "b1", "1幢", "Building 1")]));
        await services.GetRequiredService<MemberStore>().UpsertManyAsync(
        [
            Member("m1", "g1", "b1"), // same building as the orders: offered first
            Member("m2", "g1", "b2"), // same grid: second
            Member("m3", "g2", "b9"), // same community: third
        ]);

        static Member Member(string id, string grid, string building) => new(
            id, $"党员{id}", "13900001111", new Location(CommunityId, grid, building),
            ImmutableHashSet.Create(ServiceCategory.Repair, ServiceCategory.Visit), Availability.AnyTime);
    }

    // ---- HTTP ----

    public static HttpRequest Request(
        string method, string path, object? body = null, string? token = null, string? rawBody = null, string? idempotencyKey = null, string contentType = "application/json")
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        http.Request.Path = query < 0 ? path : path[..query];
        http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        var text = rawBody ?? (body is null ? null : JsonSerializer.Serialize(body, HttpApi.Json));
        if (text is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Request.ContentType = contentType;
        }

        if (token is not null)
        {
            http.Request.Headers.Authorization = "Bearer " + token;
        }

        if (idempotencyKey is not null)
        {
            http.Request.Headers["Idempotency-Key"] = idempotencyKey;
        }

        return http.Request;
    }

    public static (int Status, JsonElement Body, string ContentType) Read(IActionResult result)
    {
        var content = Assert.IsAssignableFrom<ContentResult>(result);
        return (content.StatusCode ?? 200, JsonDocument.Parse(content.Content ?? "null").RootElement.Clone(), content.ContentType ?? "");
    }

    /// <summary>Writes what an HTTP function returned as the worker does: a <see cref="ContentResult"/> as it is,
    /// any other result (an IResult from a shared use case) executed on the request's HttpContext with the app's
    /// services (its JsonOptions, as the worker's request services hold them).</summary>
    public async Task<Answer> AnswerAsync(HttpRequest request, IActionResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        if (result is ContentResult content)
        {
            return new Answer(content.StatusCode ?? 200, content.ContentType ?? "", Encoding.UTF8.GetBytes(content.Content ?? ""), http.Response.Headers);
        }

        using var body = new MemoryStream();
        http.RequestServices = _services;
        http.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        return new Answer(http.Response.StatusCode, http.Response.ContentType ?? "", body.ToArray(), http.Response.Headers);
    }

    /// <summary>Calls an HTTP function with <paramref name="request"/> and writes its answer (<see cref="AnswerAsync"/>).</summary>
    public async Task<Answer> CallAsync(HttpRequest request, Func<HttpRequest, Task<IActionResult>> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return await AnswerAsync(request, await function(request));
    }

    public static object Form(string building = "b1", string kind = "Service", string category = "Repair", string community = CommunityId) => new
    {
        kind,
        category,
        communityId = community,
        gridId = "g1",
        buildingId = building,
        urgent = false,
        name = "王秀英",
        phone = "13812345678",
        address = "清名桥社区 1 幢 201 室",
        description = "水龙头漏水",
    };

    /// <summary>Places an order through the HTTP function; returns its id and the resident's token.</summary>
    public async Task<(string OrderId, string Token)> PlaceAsync(object? form = null)
    {
        var (status, body, _) = Read(await Orders.PlaceAsync(Request("POST", "/api/orders", form ?? Form()), Client, CancellationToken.None));
        Assert.True(status == 201, body.ToString());
        return (body.GetProperty("orderId").GetString()!, body.GetProperty("token").GetString()!);
    }

    public string MemberToken(string memberId) => Links.MemberToken(memberId, CommunityId);

    public string OrganizerToken(string communityId = CommunityId) => Links.OrganizerToken("org1", communityId);

    /// <summary>Waits until the stored order satisfies <paramref name="until"/> (the orchestration works
    /// asynchronously; timers in real time).</summary>
    public async Task<StoredOrder> WaitForAsync(string orderId, Func<OrderState, bool> until, TimeSpan? timeout = null)
    {
        var store = Get<OrderStore>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        StoredOrder? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await store.GetAsync(orderId);
            if (last is not null && until(last.State))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Order {orderId} did not reach the expected state; last: {last?.State}");
    }

    /// <summary>Stops the host, then fails the test if anything logged holds a link token or the key: every test
    /// of this host doubles as a check that its logs (Application Insights, in Azure) carry ids only.</summary>
    public async ValueTask DisposeAsync()
    {
        await _durable.DisposeAsync();
        await _services.DisposeAsync();
        LogAudit.ThrowIfLeaks(Logs.Lines, SigningKey);
    }
}

/// <summary>An HTTP function's answer as the client gets it.</summary>
public sealed record Answer(int Status, string ContentType, byte[] Bytes, IHeaderDictionary Headers)
{
    public string Text => Encoding.UTF8.GetString(Bytes);

    public JsonElement Json => JsonDocument.Parse(Bytes).RootElement.Clone();

    /// <summary>The body read as the local host's clients read it (web defaults + the core's converters).</summary>
    public T As<T>() => JsonSerializer.Deserialize<T>(Bytes, HttpApi.Json)!;

    /// <summary>The problem type's last segment ("validation", "post-full"…), or "" for another body.</summary>
    public string ProblemType => ContentType.StartsWith("application/problem+json", StringComparison.Ordinal)
        ? Json.GetProperty("type").GetString()!.Split('/')[^1] : "";
}

/// <summary>Stands in for the Service Bus queue: records every send, drops a resend with a MessageId it has
/// seen (duplicate detection), and delivers each new message through <see cref="AssignmentDelivery"/>, as
/// the trigger would.</summary>
public sealed class RecordingSender(AssignmentDelivery delivery) : IAssignmentSender
{
    private readonly ConcurrentQueue<string> _sends = new();
    private readonly ConcurrentDictionary<string, AssignmentMessage> _accepted = new();

    public IReadOnlyList<string> Sends => [.. _sends];

    public IReadOnlyCollection<AssignmentMessage> Delivered => [.. _accepted.Values];

    public async Task SendAsync(SendOffer offer, CancellationToken ct)
    {
        var message = AssignmentMessage.From(offer);
        var id = AssignmentDelivery.MessageId(message);
        _sends.Enqueue(id);
        if (_accepted.TryAdd(id, message))
        {
            var parsed = AssignmentDelivery.TryRead(AssignmentDelivery.Body(message), out var reason) ?? throw new InvalidDataException(reason);
            await delivery.DeliverAsync(parsed, ct);
        }
    }
}

/// <summary>Makes named activities fail once, before or after their work (a crash mid-activity), or every
/// time until <see cref="Heal"/> (an outage of what they use).</summary>
public sealed class Faults
{
    private readonly ConcurrentDictionary<string, int> _before = new();
    private readonly ConcurrentDictionary<string, int> _after = new();
    private readonly ConcurrentDictionary<string, int> _down = new();

    public void FailOnceBefore(string activity) => _before[activity] = 1;

    public void FailOnceAfter(string activity) => _after[activity] = 1;

    public void Break(string activity) => _down[activity] = 0;

    public void Heal(string activity) => _down.TryRemove(activity, out _);

    public void Before(string activity)
    {
        if (_down.ContainsKey(activity))
        {
            throw new InvalidOperationException($"Injected outage of {activity}.");
        }

        Trip(_before, activity, "before");
    }

    public void After(string activity) => Trip(_after, activity, "after");

    private static void Trip(ConcurrentDictionary<string, int> armed, string activity, string when)
    {
        if (armed.TryRemove(activity, out _))
        {
            throw new InvalidOperationException($"Injected crash {when} {activity}.");
        }
    }
}
