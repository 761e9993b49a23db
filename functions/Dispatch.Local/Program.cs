using Dispatch.Local.Hosting;

LocalHost.Build(args).Run();
