"""MkDocs hook: a thin wrapper; the work is done in the explainer package (installed from
requirements.txt, `-e .`; ./run sets that up)."""

from explainer.mkdocs_build import SiteBuild

build = SiteBuild()


def on_startup(command, dirty):
    build.on_startup(command)


def on_config(config):
    build.on_config(config)


def on_files(files, config):
    return build.on_files(files, config)


def on_page_markdown(markdown, page, config, files):
    return build.on_page_markdown(markdown, page)


def on_env(env, config, files):
    build.on_env(files)


def on_page_context(context, page, config, nav):
    build.on_page_context(page, config)


def on_post_page(output, page, config):
    return build.on_post_page(output, page)


def on_post_build(config):
    build.on_post_build(config.site_dir)
