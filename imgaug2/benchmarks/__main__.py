from imgaug2.benchmarks.cli import main

main()
