from sellertui.cli import main

raise SystemExit(main())
