using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.TaskHub.Benchmarks;

/// <summary>The Durable test host's two halves — its gRPC sidecar (the package's <see cref="TaskHubGrpcServer"/>,
/// which dispatches work items from any <see cref="IOrchestrationService"/>) and a worker and client connected
/// to it — with the Azure Storage backend in place of the in-memory one. Orchestrations, activities and the
/// client are the app's, exactly as in the Azure host's tests; only where Durable state lives changes.</summary>
public static class AzureStorageDurableHost
{
    public static async Task<DurableTaskTestHost> StartAsync(
        AzureStorageOrchestrationService backend, Action<DurableTaskRegistry> registry, DurableTaskTestHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(options);
        await backend.CreateIfNotExistsAsync(); // the Functions host does this on start; the sidecar does not
        var address = $"http://127.0.0.1:{options.Port ?? throw new ArgumentException("A port is needed.", nameof(options))}";

        var sidecarBuilder = WebApplication.CreateSlimBuilder();
        sidecarBuilder.WebHost.UseUrls(address);
        sidecarBuilder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2)); // gRPC
        UseLoggers(sidecarBuilder.Logging, sidecarBuilder.Services, options.LoggerFactory);
        sidecarBuilder.Services.AddGrpc();
        sidecarBuilder.Services.AddSingleton<IOrchestrationService>(backend);
        sidecarBuilder.Services.AddSingleton<IOrchestrationServiceClient>(backend);
        sidecarBuilder.Services.AddSingleton<TaskHubGrpcServer>();
        var sidecar = sidecarBuilder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync();

        var channel = GrpcChannel.ForAddress(address);
        var workerBuilder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        UseLoggers(workerBuilder.Logging, workerBuilder.Services, options.LoggerFactory);
        options.ConfigureServices?.Invoke(workerBuilder.Services);
        workerBuilder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(channel);
            b.AddTasks(registry);
        });
        workerBuilder.Services.AddDurableTaskClient(b =>
        {
            b.UseGrpc(channel);
            b.RegisterDirectly();
        });
        var worker = workerBuilder.Build();
        await worker.StartAsync();
        return new DurableTaskTestHost(sidecar, worker, channel, worker.Services.GetRequiredService<DurableTaskClient>());
    }

    private static void UseLoggers(ILoggingBuilder logging, IServiceCollection services, ILoggerFactory? loggers)
    {
        logging.ClearProviders();
        if (loggers is not null)
        {
            services.AddSingleton(loggers);
        }
    }
}
