terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.81"
    }
  }

  # Partial configuration: the bucket, key, region and lock table come from a backend.hcl kept
  # outside the repository (terraform init -backend-config=backend.hcl), see README.md.
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}
