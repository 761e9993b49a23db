using Dispatch.App.Admin;
using Dispatch.App.Hosting;
using Dispatch.App.SignedLinks;
using Dispatch.App.Tallies;
using Dispatch.Core.Orders;
using Dispatch.Core.Tallies;
using Dispatch.Functions.Assignments;
using Dispatch.Functions.Orders;
using Dispatch.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dispatch.Functions.Hosting;

/// <summary>The app's wiring, kept out of Program.cs and the functions: the host's own pieces (options, the
/// storage account, the assignment sender, the orchestration's commands), then the layer both hosts share
/// (<see cref="AppServices.AddDispatchApp"/>: the signing key and token signer, stores, links, problems,
/// matching, notifier, reminders, queries). Settings (infra/app/api.bicep):
/// Storage__TableServiceUri + Storage__ClientId (managed identity) or Storage__ConnectionString (Azurite);
/// Dispatch__SigningKey (+ Dispatch__PreviousSigningKey and Dispatch__PreviousKeyValidUntil during a rotation);
/// Dispatch__PublicBaseUrl; AssignmentsQueue; ServiceBus__fullyQualifiedNamespace (+ __credential, __clientId)
/// or a "ServiceBus" connection string (the emulator).</summary>
public static class FunctionsHostExtensions
{
    /// <summary>Where links point when Dispatch__PublicBaseUrl is not set: the Functions host on this machine.</summary>
    public const string DefaultPublicBaseUrl = "http://localhost:7071";

    public static IHostApplicationBuilder AddDispatchFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDispatchFunctions(builder.Configuration, allowDemoKey: builder.Environment.IsDevelopment());
        return builder;
    }

    /// <param name="allowDemoKey">Only in Development (func start): the public demo key is accepted, and used when
    /// Dispatch__SigningKey is not set. This host never seeds demo data nor serves demo links.</param>
    public static IServiceCollection AddDispatchFunctions(this IServiceCollection services, IConfiguration configuration, bool allowDemoKey = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DispatchOptions>().Bind(configuration.GetSection("Dispatch")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AssignmentOptions>()
            .Configure(o => o.QueueName = configuration["AssignmentsQueue"] ?? o.QueueName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection("Storage"))
            .PostConfigure(o => CompleteStorage(o, configuration))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.TableServiceUri is not null,
                "Set Storage__TableServiceUri (with Storage__ClientId for a user-assigned identity) or Storage__ConnectionString.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new StorageAccount(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));

        // Links point at the Functions host unless Dispatch__PublicBaseUrl says otherwise (the shared default
        // is the local host's address).
        services.PostConfigure<PublicLinkOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(configuration["Dispatch:PublicBaseUrl"]))
            {
                o.PublicBaseUrl = DefaultPublicBaseUrl;
            }
        });

        // Before AddDispatchApp, so they win over its TryAdd defaults: the Service Bus dead-letter queue
        // (with Service Bus) and the annual freeze's stores.
        services.AddAssignments(configuration);
        services.AddDispatchApp(configuration, allowDemoKey);

        services.AddOptions<OrderUpkeepOptions>().Bind(configuration.GetSection("Orders")).ValidateDataAnnotations().ValidateOnStart();
        // The Durable extension builds its data converter from the worker's serializer (and only from it).
        services.Configure<WorkerOptions>(o => o.Serializer = DurableJson.Serializer);
        services.TryAddSingleton<DeciderFor>(_ => policy => new OrderDecider(policy));
        services.TryAddSingleton<OrderUpkeep>();
        services.TryAddSingleton<OrderCommands>();
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<AdministratorBootstrap>(); // after StorageInitializer, which creates the tables
        services.AddHostedService<SharedRecordsMove>();
        return services;
    }

    /// <summary>Managed identity: the queue endpoint sits beside the table endpoint (infra sets only the
    /// table URI; the Storage-queue fallback and the account's table/queue creation need both).</summary>
    private static void CompleteStorage(StorageOptions o, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(o.ConnectionString) && o.TableServiceUri is null
            && configuration["AzureWebJobsStorage"] is { Length: > 0 } hostStorage)
        {
            o.ConnectionString = hostStorage; // Local: the Functions host's own Azurite connection.
        }

        if (o.TableServiceUri is { } tables && o.QueueServiceUri is null)
        {
            o.QueueServiceUri = new Uri(tables.AbsoluteUri.Replace(".table.", ".queue.", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Service Bus when its connection is configured, else the Storage queue (decided at start, see
    /// <see cref="AssignmentTransport"/>). The consumer is plain code and always registered.</summary>
    private static void AddAssignments(this IServiceCollection services, IConfiguration configuration)
    {
        var transport = AssignmentTransport.From(configuration);
        services.TryAddSingleton(transport);
        if (transport.UsesServiceBus)
        {
            services.AddServiceBusAssignments(configuration);
        }
        else
        {
            // IDeadLetters: the shared PoisonQueueDeadLetters (the Storage queue's poison queue), from AddDispatchApp.
            services.TryAddSingleton<IAssignmentSender, StorageQueueAssignmentSender>();
        }

        services.TryAddSingleton<AssignmentDelivery>();
        services.TryAddSingleton<AssignmentConsumer>();
    }
}

/// <summary>Creates the app's tables (and the Storage queues) on start; idempotent.</summary>
public sealed class StorageInitializer(StorageAccount account) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => account.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
