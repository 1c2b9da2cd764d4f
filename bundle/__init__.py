"""Building hjem as an app a volunteer installs with a double-click (issue 16).

The folder is called `bundle`, not `packaging` or `installer`: both are names of PyPI libraries
that the build tools themselves import (`packaging` by setuptools, pip and PyInstaller;
`installer` by the tools that install wheels), and a folder of that name at the top of the
checkout would shadow them whenever the checkout is on `sys.path` (`python -m …` puts it there).
"""
