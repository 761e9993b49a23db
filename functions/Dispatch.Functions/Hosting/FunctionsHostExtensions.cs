using Dispatch.App.Hosting;
using Dispatch.App.Queries;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Tallies;
using Dispatch.Functions.Assignments;
using Dispatch.Functions.Orders;
using Dispatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
#if DISPATCH_SERVICE_BUS
using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
#endif

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
        services.TryAddSingleton(sp => new StorageAccount(sp.GetRequiredService<IOptions<StorageOptions>>().Value));

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
        services.AddAssignmentSender(configuration);
        services.AddDispatchApp(configuration, allowDemoKey);

        services.TryAddSingleton<OrderCommands>();
        services.TryAddSingleton<AssignmentDelivery>();
        services.AddHostedService<StorageInitializer>();
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

#if DISPATCH_SERVICE_BUS
    private static void AddAssignmentSender(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => CreateServiceBusClient(configuration));
        services.TryAddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateSender(sp.GetRequiredService<IOptions<AssignmentOptions>>().Value.QueueName));
        services.TryAddSingleton<IAssignmentSender, ServiceBusAssignmentSender>();
        services.TryAddSingleton<IDeadLetters, ServiceBusDeadLetters>();
    }

    /// <summary>The same "ServiceBus" connection the trigger uses: a connection string (the emulator) or
    /// ServiceBus__fullyQualifiedNamespace with ServiceBus__credential=managedidentity and __clientId.</summary>
    private static ServiceBusClient CreateServiceBusClient(IConfiguration configuration)
    {
        if (configuration["ServiceBus"] is { Length: > 0 } connectionString)
        {
            return new ServiceBusClient(connectionString);
        }

        var section = configuration.GetSection("ServiceBus");
        var fqns = section["fullyQualifiedNamespace"]
            ?? throw new InvalidOperationException("Set ServiceBus__fullyQualifiedNamespace or a ServiceBus connection string.");
        var clientId = section["clientId"];
        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId ?? throw new InvalidOperationException("Set ServiceBus__clientId.")))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return new ServiceBusClient(fqns, credential);
    }
#else
    private static void AddAssignmentSender(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.TryAddSingleton<IAssignmentSender, StorageQueueAssignmentSender>();
        // IDeadLetters: the shared PoisonQueueDeadLetters (the Storage queue's poison queue), from AddDispatchApp.
    }
#endif
}

/// <summary>Creates the app's tables (and the Storage queues) on start; idempotent.</summary>
public sealed class StorageInitializer(StorageAccount account) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => account.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
